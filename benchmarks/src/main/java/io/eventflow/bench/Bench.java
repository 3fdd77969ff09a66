package io.eventflow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.logging.Level;
import java.util.UUID;

import io.eventflow.bench.platform.Endpoints;
import io.eventflow.bench.platform.PlatformLauncher;
import io.eventflow.bench.report.Report;

/**
 * The benchmark harness's command line, run by {@code ./eventflow bench [--smoke] [--target] [--out FILE]}:
 * starts the platform on free ports (or targets a running one), measures it against its ceilings, prints
 * the summary table and writes the report.
 */
public final class Bench {

    private Bench() {
    }

    /** Runs the benchmark; exits with 1 if a phase failed. */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options);
        System.out.println();
        System.out.println(report.summaryTable());
        System.out.println("[bench] report written to " + options.out());
        report.failures().forEach(f -> System.out.println("[bench] FAILED " + f));
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }

    /** Runs every phase, writes the report to {@code options.out()} and returns it. */
    static Report run(BenchOptions options) throws Exception {
        Path logDir = options.out().toAbsolutePath().getParent().resolve("bench-logs");
        // JobRunr's and Hikari's INFO lines would break the progress line; warnings still show
        Logger.getLogger("").setLevel(Level.WARNING);
        try (Progress progress = new Progress(System.out, System.console() != null)) {
            progress.phase(options.target() ? "targeting the running platform"
                    : "starting the platform (./eventflow run on free ports; logs in " + logDir + ")");
            BenchOptions run = options.target() || options.apiKey() != null ? options : options.withApiKey(randomKey());
            try (PlatformLauncher launched = options.target() ? null
                    : PlatformLauncher.start(options.root(), logDir, publisherSettings(run.apiKey()))) {
                Endpoints endpoints = launched == null ? options.targetEndpoints() : launched.endpoints();
                Report report = new Benchmark(run, endpoints, logDir, progress).run();
                report.write(options.out());
                progress.phase("stopping");
                return report;
            }
        }
    }

    /**
     * The publisher of a platform the harness starts: one API key of its own, and a rate limit far above
     * any load here, so the limiter's check stays on the measured path without throttling it.
     */
    static Map<String, String> publisherSettings(String apiKey) {
        return Map.of("EVENTFLOW_SECURITY_API_KEYS", "bench:" + apiKey,
                "EVENTFLOW_SECURITY_RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000000",
                "EVENTFLOW_SECURITY_RATE_LIMIT_BURST", "1000000");
    }

    private static String randomKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A short id that tells this run's events apart from any other run's. */
    static String runId(String kind) {
        return kind + Long.toString(System.currentTimeMillis(), 36) + ThreadLocalRandom.current().nextInt(1000);
    }
}
