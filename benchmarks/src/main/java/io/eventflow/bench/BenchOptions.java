package io.eventflow.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.eventflow.bench.platform.Endpoints;
import io.eventflow.testing.ProcessingMode;
import io.eventflow.testing.Devkit;

/**
 * What to run: {@code --smoke} (a few seconds, figures meaningless), {@code --target} (a platform that is
 * already running, found through the same environment variables as {@code ./eventflow run}),
 * {@code --only PHASE,...} (some phases; the report then goes to {@code benchmarks/target}),
 * {@code --out FILE}, {@code --root DIR}, {@code --api-key KEY} (sent as {@code X-API-Key}), {@code --modes MODE,...}
 * (the processing modes the end-to-end phases run in, each on a platform of its own), {@code --runs N} (rounds of
 * the sustained, drain and JobRunr ceiling phases; the headline is their median).
 */
record BenchOptions(Path root, boolean smoke, boolean target, Set<String> phases, Path out, String apiKey,
                    List<ProcessingMode> modes, int runs, String childClasspath, Map<String, String> env) {

    /** Every phase a run can take. */
    static final Set<String> ALL_PHASES = Set.of("e2e", "noop", "publisher", "batch", "kafka", "jobs");

    /** What {@code --help} prints. */
    static final String USAGE = String.join("\n",
            "usage: ./eventflow bench [--smoke] [--target] [--only PHASE,...] [--modes MODE,...] [--runs N] [--out FILE]",
            "                         [--root DIR] [--api-key KEY]",
            "  --smoke        a few seconds per phase: proves the harness works, its figures mean nothing",
            "  --target       measure the platform already running (ports from the variables ./eventflow run reads)",
            "  --only PHASES  only these phases, comma-separated: e2e, noop, publisher, batch, kafka, jobs",
            "                 (the report then goes to benchmarks/target/BENCHMARKS-partial.md, as with --modes or --runs)",
            "  --modes MODES  the subscriber's processing modes for the end-to-end phases, each on a platform of its own",
            "                 (default per-event,batched; with --target, the one the running platform has)",
            "  --runs N       rounds of the sustained, drain and JobRunr ceiling phases (default 3; --smoke 1)",
            "  --out FILE     where the report goes (default BENCHMARKS.md)",
            "  --root DIR     the project folder (default: found from the working folder)",
            "  --api-key KEY  sent as X-API-Key (default $EVENTFLOW_API_KEY; a platform the harness starts gets its own)");

    /** Parses the command line; unknown arguments are an error that shows the usage. */
    static BenchOptions parse(String[] args, Map<String, String> env) {
        Path root = null;
        Path out = null;
        String apiKey = env.get("EVENTFLOW_API_KEY");
        boolean smoke = false;
        boolean target = false;
        Set<String> phases = ALL_PHASES;
        List<ProcessingMode> modes = List.of(ProcessingMode.PER_EVENT, ProcessingMode.BATCHED);
        int runs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--target" -> target = true;
                case "--only" -> phases = phases(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--root" -> root = Path.of(value(args, ++i));
                case "--api-key" -> apiKey = value(args, ++i);
                case "--modes" -> modes = modes(value(args, ++i));
                case "--runs" -> runs = runCount(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        root = (root == null ? projectRoot() : root).toAbsolutePath();
        if (out == null) {
            boolean whole = phases.equals(ALL_PHASES) && modes.size() == ProcessingMode.values().length && runs == 0;
            out = root.resolve(smoke ? "benchmarks/target/BENCHMARKS-smoke.md"
                    : whole ? "BENCHMARKS.md" : "benchmarks/target/BENCHMARKS-partial.md");
        }
        return new BenchOptions(root, smoke, target, phases, out, apiKey, modes, runs,
                System.getProperty("java.class.path"), env);
    }

    /** Whether this run includes the phase. */
    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The same options with another classpath for the child JVMs the harness starts. */
    BenchOptions withChildClasspath(String classpath) {
        return new BenchOptions(root, smoke, target, phases, out, apiKey, modes, runs, classpath, env);
    }

    /** The same options with this API key, sent as {@code X-API-Key}. */
    BenchOptions withApiKey(String key) {
        return new BenchOptions(root, smoke, target, phases, out, key, modes, runs, childClasspath, env);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static Set<String> phases(String list) {
        Set<String> phases = new LinkedHashSet<>(Arrays.asList(list.split(",")));
        phases.removeIf(String::isBlank);
        Set<String> unknown = new LinkedHashSet<>(phases);
        unknown.removeAll(ALL_PHASES);
        if (phases.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown phase(s) " + unknown + " in --only " + list + "\n" + USAGE);
        }
        return Set.copyOf(phases);
    }

    /** The load of each phase. */
    Scale scale() {
        Scale scale = smoke ? Scale.SMOKE : Scale.FULL;
        return runs > 0 ? scale.withRuns(runs) : scale;
    }

    private static List<ProcessingMode> modes(String list) {
        List<ProcessingMode> modes = Arrays.stream(list.split(",")).filter(m -> !m.isBlank())
                .map(mode -> ProcessingMode.named(mode, "--modes")).distinct().toList();
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("--modes needs at least one mode\n" + USAGE);
        }
        return modes;
    }

    private static int runCount(String value) {
        try {
            int runs = Integer.parseInt(value.trim());
            if (runs >= 1) {
                return runs;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--runs needs a whole number of at least 1, not " + value + "\n" + USAGE);
    }

    /** The running platform {@code --target} points at: ports and folder as {@code ./eventflow run} reads them. */
    Endpoints targetEndpoints() {
        String home = env.getOrDefault("EVENTFLOW_HOME", root.resolve(".eventflow").toString());
        return Endpoints.onPorts(port("PUBLISHER_PORT", 8080), port("SUBSCRIBER_PORT", 8081),
                port("KAFKA_PORT", 9092), port("POSTGRES_PORT", 5432), Path.of(home));
    }

    private int port(String variable, int fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static Path projectRoot() {
        try {
            return Devkit.projectRoot();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + ", or pass --root", e);
        }
    }
}
