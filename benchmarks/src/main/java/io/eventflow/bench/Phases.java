package io.eventflow.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.ceiling.KafkaCeiling;
import io.eventflow.bench.ceiling.KafkaResult;
import io.eventflow.bench.ceiling.NoopServer;
import io.eventflow.bench.load.EventBodies;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.platform.DatabaseCounters;
import io.eventflow.bench.platform.DbCounters;
import io.eventflow.bench.platform.DbWork;
import io.eventflow.bench.platform.Endpoints;
import io.eventflow.bench.platform.ProcessMonitor;
import io.eventflow.bench.platform.Usage;
import io.eventflow.bench.report.BatchResult;
import io.eventflow.bench.report.IngestionResult;

/**
 * The phases that run while the subscriber is paused: HTTP ingestion with its ceiling, Kafka's and JobRunr's (the
 * no-op ceiling runs between the end-to-end rounds).
 */
final class Phases {

    private final BenchOptions options;
    private final Endpoints endpoints;
    private final Path logDir;
    private final Progress progress;
    private final ProcessMonitor monitor;
    private final Scale scale;
    private final IngestionBenchmark ingestion;
    private final EventBodies events;
    private final LoadGenerator load;
    private final int jobWorkers;
    private boolean kafkaWarmedUp;

    Phases(BenchOptions options, Endpoints endpoints, Path logDir, Progress progress, ProcessMonitor monitor,
           LoadGenerator load, int jobWorkers) {
        this.jobWorkers = jobWorkers;
        this.options = options;
        this.endpoints = endpoints;
        this.logDir = logDir;
        this.progress = progress;
        this.monitor = monitor;
        this.load = load;
        this.scale = options.scale();
        this.ingestion = new IngestionBenchmark(scale, load, monitor, progress);
        this.events = new EventBodies(Bench.runId("i"), options.apiKey());
    }

    /** The HTTP ceiling: the same load against a Helidon MP endpoint that does nothing. */
    IngestionResult noop() throws Exception {
        progress.phase("starting the Helidon no-op endpoint");
        try (NoopServer server = NoopServer.start(options.childClasspath(), logDir)) {
            monitor.watch("helidon-noop", server.pid());
            try {
                return ingestion.run("helidon no-op", events.singles(server.url()));
            } finally {
                monitor.forget("helidon-noop");
            }
        }
    }

    /** The publisher's single-event endpoint. */
    IngestionResult publisher() {
        return ingestion.run("publisher", events.singles(endpoints.publisher() + "/api/v1/events/analytics"));
    }

    /** The batch endpoint, or why it was skipped. */
    BatchResult batch() throws Exception {
        progress.phase("batch endpoint: looking for it");
        return new BatchBenchmark(endpoints.publisher(), events).run(scale, load, monitor, progress);
    }

    /** Kafka's ProducerPerformance with one codec. */
    KafkaResult kafka(String codec) throws Exception {
        progress.phase("ProducerPerformance " + codec + ": " + scale.kafkaRecords() + " records of "
                + KafkaCeiling.RECORD_SIZE + " B, acks=all");
        KafkaCeiling ceiling = new KafkaCeiling(options.root(), endpoints.kafka(), logDir);
        if (!kafkaWarmedUp) {
            // creates the topic and warms the broker, so the first codec measured does not pay for that
            ceiling.run(codec, Math.min(1000, scale.kafkaRecords()));
            kafkaWarmedUp = true;
        }
        ProcessMonitor.Phase phase = monitor.begin("ProducerPerformance " + codec);
        try {
            return ceiling.run(codec, scale.kafkaRecords());
        } finally {
            phase.end();
        }
    }

    /**
     * One run of the JobRunr no-op ceiling the end-to-end figures are set against: jobs enqueued in bulk on a fresh
     * job server, with what the database did per job (from {@code counters}, when read).
     */
    JobsResult ceiling(int run, DatabaseCounters counters, String mode) throws SQLException {
        String name = "JobRunr no-op ceiling, " + mode + " mode (" + jobWorkers + " workers), run " + run + " of "
                + scale.e2eRuns() + ": " + scale.jobs() + " jobs in bulk";
        progress.phase(name + ": starting a background job server on the platform's PostgreSQL");
        try (JobRunrCeiling jobs = new JobRunrCeiling(endpoints.jdbcUrl(), jobWorkers)) {
            progress.phase(name);
            progress.track(() -> jobs.succeeded() + " jobs succeeded");
            DbCounters before = counters == null ? null : counters.read();
            ProcessMonitor.Phase phase = monitor.begin(name);
            AtomicReference<Usage> usage = new AtomicReference<>();
            AtomicReference<DbCounters> after = new AtomicReference<>();
            JobsResult result = jobs.bulk("bulk enqueue, " + mode + " mode's " + jobWorkers + " workers, run " + run
                            + " of " + scale.e2eRuns(), scale.jobs(),
                    scale.drainTimeout(), () -> {
                        usage.set(phase.end());
                        after.set(before == null ? null : settled(counters));
                    });
            DbWork work = before == null ? null : DbWork.between(before, after.get(), scale.jobs());
            result = result.measured(work, usage.get());
            progress.result(String.format(Locale.ROOT, "%s: %,.0f jobs/s%s", name, result.processRate(), work == null ? ""
                    : String.format(Locale.ROOT, "; per job %.2f commits, %.2f WAL flushes", work.commitsPerUnit(),
                    work.walSyncsPerUnit())));
            return result;
        }
    }

    /** JobRunr no-op jobs enqueued one at a time (as a consumer would), and at the end-to-end fixed rate. */
    List<JobsResult> jobs() {
        progress.phase("JobRunr no-op jobs: starting a background job server on the platform's PostgreSQL");
        List<JobsResult> results = new ArrayList<>();
        try (JobRunrCeiling jobs = new JobRunrCeiling(endpoints.jdbcUrl(), jobWorkers)) {
            progress.track(() -> jobs.succeeded() + " jobs succeeded");
            int sequential = Math.max(10, scale.jobs() / 20);
            results.add(measure("JobRunr: " + sequential + " jobs enqueued one at a time",
                    () -> jobs.sequential(sequential, scale.drainTimeout())));
            results.add(measure("JobRunr: " + scale.e2eRate() + " jobs/s for " + scale.e2eFixed().toSeconds() + " s",
                    () -> jobs.paced(scale.e2eRate(), scale.e2eFixed(), scale.drainTimeout())));
        }
        return results;
    }

    private static DbCounters settled(DatabaseCounters counters) {
        try {
            return counters.settled();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read PostgreSQL's counters", e);
        }
    }

    private JobsResult measure(String name, Supplier<JobsResult> step) {
        progress.phase(name);
        ProcessMonitor.Phase phase = monitor.begin(name);
        try {
            return step.get();
        } finally {
            phase.end();
        }
    }
}
