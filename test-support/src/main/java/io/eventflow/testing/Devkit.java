package io.eventflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.net.InetAddress;
import java.io.File;

import java.util.Map;
import java.util.Optional;

/** Locates the project and the devkit build, and starts its broker and database processes and the services. */
public final class Devkit {

    /** The line the devkit's broker prints once clients can connect. */
    public static final String KAFKA_READY = "EVENTFLOW KAFKA READY";
    /** The line the devkit's database prints once the {@code eventflow} database accepts connections. */
    public static final String POSTGRES_READY = "EVENTFLOW POSTGRES READY";
    /** The line a Helidon service prints once its HTTP server is bound. */
    public static final String SERVICE_READY = "bound for socket '@default'";
    /** How long a process may take to become ready; generous, as a 2-core machine running many JVMs is slow. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private Devkit() {
    }

    /** The project's root folder: the {@code eventflow.root} system property, or the nearest folder with {@code eventflow}. */
    public static Path projectRoot() {
        String root = System.getProperty("eventflow.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("eventflow"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project root; set -Deventflow.root");
        }
        return dir;
    }

    /** The java launcher of the running JVM, so child processes use the same JDK. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A port that was free a moment ago on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts one of the devkit's main classes with {@code --port}, {@code --data-dir} and more options. */
    public static ManagedProcess start(String simpleName, String readyLine, int port, Path dataDir, Path logDir,
                                       String... options) throws IOException {
        Path devkit = projectRoot().resolve("devkit").resolve("target");
        if (!Files.exists(devkit.resolve("devkit.jar"))) {
            throw new IllegalStateException("devkit is not built: run ./eventflow test (or mvn package) first");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", devkit.resolve("devkit.jar") + File.pathSeparator + devkit.resolve("libs") + "/*",
                "io.eventflow.devkit." + simpleName,
                "--port", String.valueOf(port),
                "--data-dir", dataDir.toString()));
        command.addAll(List.of(options));
        return ManagedProcess.start(simpleName, command, projectRoot(),
                logDir.resolve(simpleName + ".log"), readyLine, START_TIMEOUT);
    }

    /** Starts the devkit's Kafka broker (KRaft) on {@code port}, its data in {@code dataDir}, its log in {@code logDir}. */
    public static ManagedProcess startKafka(int port, int controllerPort, Path dataDir, Path logDir) throws IOException {
        return start("KafkaBroker", KAFKA_READY, port, dataDir, logDir, "--controller-port", String.valueOf(controllerPort));
    }

    /** Starts the devkit's PostgreSQL on {@code port}; the server's own files are under {@code dataDir/data}. */
    public static ManagedProcess startPostgres(int port, Path dataDir, Path logDir) throws IOException {
        return start("PostgresServer", POSTGRES_READY, port, dataDir, logDir);
    }

    /**
     * The pid of the PostgreSQL postmaster that a devkit database started with {@code dataDir} runs, read from
     * its {@code postmaster.pid}; empty when there is none.
     */
    public static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("data").resolve("postmaster.pid");
        try {
            String first = Files.readString(pidFile).lines().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts a packaged service ({@code <module>/target/<module>.jar}) as its own process, configured by
     * environment (the same JVM flags as {@code ./eventflow run}; Narayana's object store in {@code workDir}),
     * logging to {@code workDir/<logName>.log}, and waits until its HTTP server is bound.
     */
    public static ManagedProcess startService(String module, String logName, Path workDir, Map<String, String> env)
            throws IOException {
        Path jar = projectRoot().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./eventflow build (or mvn package) first");
        }
        Path narayana = workDir.resolve("narayana");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-DObjectStoreEnvironmentBean.objectStoreDir=" + narayana,
                "-DObjectStoreEnvironmentBean.stateStore.objectStoreDir=" + narayana,
                "-DObjectStoreEnvironmentBean.communicationStore.objectStoreDir=" + narayana,
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(env);
        return ManagedProcess.start(builder, workDir.resolve(logName + ".log"), SERVICE_READY, START_TIMEOUT);
    }
}
