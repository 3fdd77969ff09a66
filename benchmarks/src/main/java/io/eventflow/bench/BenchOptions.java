package io.eventflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What to run: {@code --smoke} (a few seconds, figures meaningless), {@code --target} (a platform that is
 * already running, found through the same environment variables as {@code ./eventflow run}),
 * {@code --out FILE}, {@code --root DIR}, {@code --api-key KEY} (sent as {@code X-API-Key}).
 */
public record BenchOptions(Path root, boolean smoke, boolean target, Path out, String apiKey,
                           String childClasspath, Map<String, String> env) {

    /** Parses the command line; unknown arguments are an error. */
    public static BenchOptions parse(String[] args, Map<String, String> env) {
        Path root = null;
        Path out = null;
        String apiKey = env.get("EVENTFLOW_API_KEY");
        boolean smoke = false;
        boolean target = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--target" -> target = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                case "--api-key" -> apiKey = args[++i];
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: bench [--smoke] [--target] [--out FILE] [--root DIR] [--api-key KEY]");
            }
        }
        root = (root == null ? findRoot() : root).toAbsolutePath();
        if (out == null) {
            out = smoke ? root.resolve("benchmarks/target/BENCHMARKS-smoke.md") : root.resolve("BENCHMARKS.md");
        }
        return new BenchOptions(root, smoke, target, out, apiKey, System.getProperty("java.class.path"), env);
    }

    /** The same options with another classpath for the child JVMs the harness starts. */
    public BenchOptions withChildClasspath(String classpath) {
        return new BenchOptions(root, smoke, target, out, apiKey, classpath, env);
    }

    /** The same options with this API key, sent as {@code X-API-Key}. */
    public BenchOptions withApiKey(String key) {
        return new BenchOptions(root, smoke, target, out, key, childClasspath, env);
    }

    /** The load of each phase. */
    Scale scale() {
        return smoke ? Scale.SMOKE : Scale.FULL;
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

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("eventflow"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project root (the folder with ./eventflow); pass --root");
        }
        return dir;
    }
}
