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

/** Locates the project and the devkit build, and starts its broker and database processes. */
public final class Devkit {

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
                logDir.resolve(simpleName + ".log"), readyLine, Duration.ofSeconds(120));
    }
}
