package io.eventflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.ceiling.KafkaResult;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.platform.Endpoints;
import io.eventflow.bench.platform.MachineInfo;
import io.eventflow.bench.platform.ProcFs;
import io.eventflow.bench.platform.ProcessMonitor;
import io.eventflow.bench.platform.StoredEvents;
import io.eventflow.bench.platform.SubscriberPause;
import io.eventflow.bench.report.BatchResult;
import io.eventflow.bench.report.EndToEndResult;
import io.eventflow.bench.report.IngestionResult;
import io.eventflow.bench.report.Report;

/**
 * One run, phase by phase: idle, end to end (warm-up, burst, fixed rate; while the platform is clean), then -
 * with the subscriber paused - the Helidon no-op ceiling, the publisher, the batch endpoint, Kafka's and
 * JobRunr's ceilings.
 * A failing phase is recorded in the report and the run goes on.
 */
final class Benchmark {

    private final BenchOptions options;
    private final Endpoints endpoints;
    private final Path logDir;
    private final Progress progress;
    private final Scale scale;
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Benchmark(BenchOptions options, Endpoints endpoints, Path logDir, Progress progress) {
        this.options = options;
        this.endpoints = endpoints;
        this.logDir = logDir;
        this.progress = progress;
        this.scale = options.scale();
        if (!options.target()) {
            notes.add("The publisher ran with an API key of the harness's own and its rate limit raised to 10^9 "
                    + "requests/minute (the limiter still runs on every request).");
        }
    }

    /** Runs every phase and returns what they measured. */
    Report run() throws Exception {
        MachineInfo machine = MachineInfo.detect();
        String loadBefore = ProcFs.loadAverage();
        notes.add("PostgreSQL committed durably or not as it reported at the start (SHOW): "
                + new StoredEvents(endpoints.jdbcUrl()).durability()
                + "; the JobRunr no-op ceiling ran on the same server.");
        Map<String, Long> pids = endpoints.pids();
        try (ProcessMonitor monitor = new ProcessMonitor(pids);
             LoadGenerator load = new LoadGenerator(options.smoke() ? 16 : LoadGenerator.MAX_IN_FLIGHT, progress::track)) {
            monitor.watchAlone("harness", ProcessHandle.current().pid());
            Map<String, Long> idle = idle(monitor);
            EndToEndBenchmark e2e = new EndToEndBenchmark(endpoints, scale, options.apiKey(), load, monitor, progress);
            attempt("e2e", "end to end, warm-up", () -> {
                e2e.warmUp();
                return null;
            });
            EndToEndResult burst = attempt("e2e", "end to end, burst", e2e::burst);
            EndToEndResult fixed = attempt("e2e", "end to end, fixed rate", e2e::fixedRate);
            EndToEndResult drain = attempt("e2e", "subscriber drain", () -> e2e.drain(pids.get("subscriber")));
            Phases later = new Phases(options, endpoints, logDir, progress, monitor, load);
            try (SubscriberPause pause = SubscriberPause.pause(pids.get("subscriber"))) {
                notes.add(pause.paused() ? "The subscriber was paused (SIGSTOP) from the ingestion phases to the end."
                        : "No subscriber pid was found: the subscriber was not paused during the ingestion phases.");
                IngestionResult noop = attempt("noop", "Helidon no-op ceiling", later::noop);
                IngestionResult publisher = attempt("publisher", "publisher ingestion", later::publisher);
                BatchResult batch = attempt("batch", "batch ingestion", later::batch);
                List<KafkaResult> kafka = new ArrayList<>();
                for (String codec : List.of("lz4", "gzip")) {
                    add(kafka, attempt("kafka", "ProducerPerformance " + codec, () -> later.kafka(codec)));
                }
                List<JobsResult> jobs = orEmpty(attempt("jobs", "JobRunr no-op ceiling", later::jobs));
                return new Report(scale.name(), machine, loadBefore, ProcFs.loadAverage(), platform(), idle, noop,
                        publisher, batch, fixed, burst, drain, kafka, jobs, monitor.history(), notes, failures);
            }
        }
    }

    private Map<String, Long> idle(ProcessMonitor monitor) {
        progress.phase("idle: " + scale.settle().toMillis() + " ms of memory and CPU readings");
        ProcessMonitor.Phase idle = monitor.begin("idle");
        LockSupport.parkNanos(scale.settle().toNanos());
        return idle.end().peakRssKb();
    }

    private String platform() {
        return options.target() ? "a running platform (" + endpoints.publisher() + ")"
                : "a platform it started itself (./eventflow run, temporary EVENTFLOW_HOME)";
    }

    private <T> T attempt(String name, String phase, Callable<T> work) {
        if (!options.runs(name)) {
            String note = "Not run (--only " + String.join(",", options.phases()) + "): " + name + " phases.";
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return null;
        }
        List<String> stopped = endpoints.pids().entrySet().stream()
                .filter(e -> !ProcessHandle.of(e.getValue()).map(ProcessHandle::isAlive).orElse(false))
                .map(Map.Entry::getKey).toList();
        if (!stopped.isEmpty()) {
            failures.add(phase + ": skipped, the platform's " + stopped + " stopped (see its logs)");
            return null;
        }
        try {
            return work.call();
        } catch (Exception | LinkageError e) {
            failures.add(phase + ": " + e);
            progress.phase(phase + " FAILED: " + e);
            return null;
        }
    }

    private static <T> void add(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
