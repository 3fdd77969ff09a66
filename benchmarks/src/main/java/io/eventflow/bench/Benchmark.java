package io.eventflow.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.platform.DatabaseCounters;
import io.eventflow.bench.platform.Endpoints;
import io.eventflow.bench.platform.ProcessMonitor;
import io.eventflow.bench.platform.StatementStatistics;
import io.eventflow.bench.platform.StoredEvents;
import io.eventflow.bench.platform.SubscriberPause;
import io.eventflow.bench.report.EndToEndResult;
import io.eventflow.bench.report.ModeResult;

/**
 * The phases on one platform, whose subscriber runs in one processing mode. End to end while the platform is clean:
 * a warm-up, the fixed rate, then rounds of a sustained window and a drain. The first platform of a run (primary)
 * also runs the JobRunr no-op ceiling after each round and, with the subscriber paused, the Helidon no-op ceiling,
 * the publisher, the batch endpoint, Kafka's and JobRunr's other ceilings. A failing phase is recorded in the
 * results and the run goes on.
 */
final class Benchmark {

    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(3);
    private final BenchOptions options;
    private final Endpoints endpoints;
    private final String mode;
    private final boolean primary;
    private final int jobWorkers;
    private final Path logDir;
    private final Progress progress;
    private final Results results;
    private final Scale scale;
    private final Attempts attempts;

    Benchmark(BenchOptions options, Endpoints endpoints, String mode, boolean primary,
              int jobWorkers, Path logDir, Progress progress, Results results) {
        this.options = options;
        this.endpoints = endpoints;
        this.mode = mode;
        this.primary = primary;
        this.jobWorkers = jobWorkers;
        this.logDir = logDir;
        this.progress = progress;
        this.results = results;
        this.scale = options.scale();
        this.attempts = new Attempts(options, endpoints, progress, results);
    }

    /** Runs this platform's phases into the results. */
    void run() throws Exception {
        boolean counted = options.runs("e2e") || primary && options.runs("jobs");
        DatabaseCounters counters = counted ? counters() : null;
        results.note("PostgreSQL of the " + mode + " mode's platform committed durably or not as it reported at its start "
                + "(SHOW): " + new StoredEvents(endpoints.jdbcUrl()).durability() + ".");
        Map<String, Long> pids = endpoints.pids();
        try (ProcessMonitor monitor = new ProcessMonitor(pids);
             LoadGenerator load = new LoadGenerator(options.smoke() ? 16 : LoadGenerator.MAX_IN_FLIGHT, progress::track)) {
            monitor.watchAlone("harness", ProcessHandle.current().pid());
            if (primary) {
                results.idleRssKb = idle(monitor);
            }
            Phases later = new Phases(options, endpoints, logDir, progress, monitor, load, jobWorkers);
            if (options.runs("e2e")) {
                endToEnd(new EndToEndBenchmark(endpoints, scale, options.apiKey(), mode, load, monitor, progress,
                        counters), later, counters, pids.get("subscriber"));
            } else {
                attempts.notRun("e2e");
                for (int run = 1; primary && run <= scale.e2eRuns(); run++) {
                    ceiling(later, run, counters, pids.get("subscriber"), new ArrayList<>());
                }
            }
            if (primary) {
                paused(later, pids.get("subscriber"));
            }
            results.phases.addAll(monitor.history());
        } finally {
            if (counters != null) {
                counters.close();
            }
        }
    }

    /** pg_stat_statements loaded (restarting the server this harness started, if it must), and a counter reader. */
    private DatabaseCounters counters() {
        try {
            progress.phase(mode + " mode's platform: making pg_stat_statements count (may restart PostgreSQL once)");
            results.note(StatementStatistics.enable(endpoints, !options.target(), RESTART_TIMEOUT));
        } catch (Exception e) {
            results.failed("pg_stat_statements on the " + mode + " mode's platform: " + e);
        }
        try {
            return DatabaseCounters.open(endpoints.jdbcUrl());
        } catch (SQLException e) {
            results.failed("PostgreSQL's counters on the " + mode + " mode's platform: " + e);
            return null;
        }
    }

    private void endToEnd(EndToEndBenchmark e2e, Phases later, DatabaseCounters counters, Long subscriber) {
        attempts.attempt("e2e", mode + " mode: warm-up", () -> {
            e2e.warmUp();
            return null;
        });
        EndToEndResult fixed = attempts.attempt("e2e", mode + " mode: end to end, fixed rate", e2e::fixedRate);
        List<EndToEndResult> sustained = new ArrayList<>();
        List<EndToEndResult> drains = new ArrayList<>();
        List<JobsResult> ceilings = new ArrayList<>();
        for (int run = 1; run <= scale.e2eRuns(); run++) {
            int round = run;
            EndToEndResult s = attempts.attempt("e2e", mode + " mode: sustained, run " + run, () -> e2e.sustained(round));
            if (s != null) {
                sustained.add(s);
            }
            double rate = s == null ? Double.NaN : s.storeRate();
            attempts.add(drains, "e2e", mode + " mode: drain, run " + run, () -> e2e.drain(round, subscriber, rate));
            if (options.runs("jobs")) {
                ceiling(later, run, counters, subscriber, ceilings);
            }
        }
        results.modes.add(new ModeResult(mode, sustained, drains, fixed, ceilings, jobWorkers));
    }

    /**
     * One run of the JobRunr no-op ceiling with this platform's worker count, the subscriber paused so that only
     * JobRunr's own server works; it goes to the report's ceiling runs and to {@code modeCeilings}.
     */
    private void ceiling(Phases later, int run, DatabaseCounters counters, Long subscriber,
                         List<JobsResult> modeCeilings) {
        int before = modeCeilings.size();
        attempts.add(modeCeilings, "jobs", "JobRunr no-op ceiling, " + mode + " mode, run " + run, () -> {
            try (SubscriberPause pause = SubscriberPause.pause(subscriber)) {
                return later.ceiling(run, counters, mode);
            }
        });
        if (modeCeilings.size() > before) {
            results.ceilingRuns.add(modeCeilings.getLast());
        }
    }

    private void paused(Phases later, Long subscriber) throws InterruptedException {
        try (SubscriberPause pause = SubscriberPause.pause(subscriber)) {
            results.note(pause.paused() ? "The subscriber was paused (SIGSTOP) from the ingestion phases to the end."
                    : "No subscriber pid was found: the subscriber was not paused during the ingestion phases.");
            results.noop = attempts.attempt("noop", "Helidon no-op ceiling", later::noop);
            results.publisher = attempts.attempt("publisher", "publisher ingestion", later::publisher);
            results.batch = attempts.attempt("batch", "batch ingestion", later::batch);
            for (String codec : List.of("lz4", "gzip")) {
                attempts.add(results.kafka, "kafka", "ProducerPerformance " + codec, () -> later.kafka(codec));
            }
            List<JobsResult> jobs = attempts.attempt("jobs", "JobRunr no-op jobs", later::jobs);
            results.jobs.addAll(jobs == null ? List.of() : jobs);
        }
    }

    private Map<String, Long> idle(ProcessMonitor monitor) {
        progress.phase("idle: " + scale.settle().toMillis() + " ms of memory and CPU readings");
        ProcessMonitor.Phase idle = monitor.begin("idle");
        LockSupport.parkNanos(scale.settle().toNanos());
        return idle.end().peakRssKb();
    }
}
