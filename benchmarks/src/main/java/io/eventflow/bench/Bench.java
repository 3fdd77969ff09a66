package io.eventflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.logging.Level;
import java.util.UUID;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.platform.MachineInfo;
import io.eventflow.bench.platform.PlatformLauncher;
import io.eventflow.bench.platform.ProcFs;
import io.eventflow.testing.ProcessingMode;
import io.eventflow.bench.report.Report;

/**
 * The benchmark harness's command line, run by {@code ./eventflow bench [--smoke] [--target] [--out FILE] ...}:
 * starts the platform on free ports once per processing mode (or targets a running one), measures it against its
 * ceilings, prints the summary table and writes the report.
 */
public final class Bench {

    /**
     * JobRunr times its job filters and warns when one is slow, which on a busy machine is every few jobs of the
     * no-op ceiling: kept here (JUL holds loggers weakly) and quieted, so the progress lines stay readable.
     */
    private static final Logger JOB_FILTERS = Logger.getLogger("org.jobrunr.jobs.filters");

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

    /**
     * Runs every phase, writes the report to {@code options.out()} and returns it. The end-to-end phases run once per
     * processing mode, each mode on a platform of its own; the first platform also runs every other phase.
     */
    static Report run(BenchOptions options) throws Exception {
        Path logDir = options.out().toAbsolutePath().getParent().resolve("bench-logs");
        // JobRunr's and Hikari's INFO lines would break the progress line; warnings still show
        Logger.getLogger("").setLevel(Level.WARNING);
        JOB_FILTERS.setLevel(Level.SEVERE);
        MachineInfo machine = MachineInfo.detect();
        String loadBefore = ProcFs.loadAverage();
        Results results = new Results();
        try (Progress progress = new Progress(System.out, System.console() != null)) {
            BenchOptions run = options.target() || options.apiKey() != null ? options : options.withApiKey(randomKey());
            if (options.target()) {
                String mode = options.modes().size() == 1 ? options.modes().getFirst().value() : "as configured";
                progress.phase("targeting the running platform (subscriber mode: " + mode + ")");
                int workers = JobRunrCeiling.workers(options.modes().size() == 1 ? options.modes().getFirst()
                        : ProcessingMode.PER_EVENT, System.getenv());
                new Benchmark(run, options.targetEndpoints(), mode, true,
                        workers, logDir, progress, results).run();
            } else {
                results.note("The publisher ran with an API key of the harness's own and its rate limit raised to 10^9 "
                        + "requests/minute (the limiter still runs on every request).");
                List<ProcessingMode> modes = options.runs("e2e") ? options.modes() : options.modes().subList(0, 1);
                for (int i = 0; i < modes.size(); i++) {
                    startAndRun(run, modes.get(i), i == 0, logDir, progress, results);
                }
            }
            Report report = results.report(options.scale().name(), machine, loadBefore, ProcFs.loadAverage(),
                    platform(options));
            report.write(options.out());
            return report;
        }
    }

    private static void startAndRun(BenchOptions options, ProcessingMode mode, boolean primary, Path logDir,
                                    Progress progress, Results results) throws Exception {
        String name = primary ? "platform" : "platform-" + mode.value();
        progress.phase("starting the platform, subscriber in " + mode + " mode (./eventflow run on free ports; logs in "
                + logDir.resolve(name) + ")");
        Map<String, String> env = new HashMap<>(publisherSettings(options.apiKey()));
        env.putAll(mode.env());
        PlatformLauncher launched;
        try {
            launched = PlatformLauncher.start(options.root(), logDir, name, env);
        } catch (IOException | RuntimeException e) {
            if (primary) {
                throw e;
            }
            results.failed("the " + mode + " mode's platform did not start: " + e);
            return;
        }
        try (launched) {
            new Benchmark(options, launched.endpoints(), mode.value(), primary,
                    JobRunrCeiling.workers(mode, System.getenv()), logDir, progress, results).run();
            progress.phase("stopping the " + mode + " mode's platform");
        }
    }

    private static String platform(BenchOptions options) {
        if (options.target()) {
            return "a running platform (" + options.targetEndpoints().publisher() + ")";
        }
        return "platforms it started itself (./eventflow run, temporary EVENTFLOW_HOME), one per processing mode of the "
                + "subscriber (" + String.join(", ", options.modes().stream().map(ProcessingMode::value).toList())
                + "; " + ProcessingMode.VARIABLE + ")";
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
