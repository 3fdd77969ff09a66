package io.eventflow.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;

/**
 * Runs {@code ./eventflow run} on free loopback ports with a temporary {@code EVENTFLOW_HOME}, so a
 * benchmark never touches the user's data; closing it stops the platform and deletes that folder.
 */
public final class PlatformLauncher implements AutoCloseable {

    /**
     * Longer than the script's own waits (up to 2 minutes each for Kafka, PostgreSQL, the publisher and the
     * subscriber), so on a slow machine its message, naming the stage, is the one a failed start shows.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(9);

    private final ManagedProcess run;
    private final Endpoints endpoints;
    private final Thread shutdownHook;

    private PlatformLauncher(ManagedProcess run, Endpoints endpoints) {
        this.run = run;
        this.endpoints = endpoints;
        this.shutdownHook = new Thread(run::close, "stop-platform");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the platform with these extra environment variables; returns once it printed that it is up. Its
     * processes' logs go to {@code logDir/name/}, the script's own to {@code logDir/eventflow-run[-suffix].log}.
     */
    public static PlatformLauncher start(Path root, Path logDir, String name, Map<String, String> extraEnv)
            throws IOException {
        Path home = Files.createTempDirectory("eventflow-bench-");
        // the platform's logs (kafka, postgres, publisher, subscriber) go straight to the harness's, kept after the run
        Path platformLogs = Files.createDirectories(logDir.toAbsolutePath().resolve(name));
        Files.createSymbolicLink(home.resolve("logs"), platformLogs);
        int publisher = Devkit.freePort();
        int subscriber = Devkit.freePort();
        int kafka = Devkit.freePort();
        int postgres = Devkit.freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", root.resolve("eventflow").toString(), "run"))
                .directory(root.toFile());
        // the variables ./eventflow run reads; the dashboard's port is free too, though nothing here calls it
        builder.environment().putAll(Map.of("EVENTFLOW_HOME", home.toString(),
                "PUBLISHER_PORT", String.valueOf(publisher), "SUBSCRIBER_PORT", String.valueOf(subscriber),
                "DASHBOARD_PORT", String.valueOf(Devkit.freePort()),
                "KAFKA_PORT", String.valueOf(kafka), "POSTGRES_PORT", String.valueOf(postgres)));
        builder.environment().putAll(extraEnv);
        ManagedProcess run;
        try {
            String runLog = "eventflow-run" + name.replaceFirst("^platform", "") + ".log";
            run = ManagedProcess.start(builder, logDir.resolve(runLog), "Eventflow is up", START_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(home);
            throw e;
        }
        return new PlatformLauncher(run, Endpoints.onPorts(publisher, subscriber, kafka, postgres, home));
    }

    /** Where the started platform answers. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /** Stops every process of the platform (the script's own SIGTERM handling) and deletes its data. */
    @Override
    public void close() {
        run.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook stops the platform
        }
        deleteRecursively(endpoints.home());
    }

    /** Deletes the folder; the link to the logs goes, the logs stay (a walk does not follow links). */
    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
