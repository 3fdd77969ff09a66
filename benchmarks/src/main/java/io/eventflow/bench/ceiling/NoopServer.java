package io.eventflow.bench.ceiling;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;

/**
 * Starts the Helidon MP application of this module ({@link NoopResource}) as its own JVM, with the
 * services' JVM flags and heap, on a free loopback port.
 */
public final class NoopServer implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private NoopServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with {@code classpath} (this module and its libraries) and waits until it serves. */
    public static NoopServer start(String classpath, Path logDir) throws IOException {
        int port = Devkit.freePort();
        List<String> command = List.of(Devkit.javaExecutable(), "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-Dserver.port=" + port, "-Dserver.host=127.0.0.1", "-cp", classpath,
                "io.helidon.microprofile.cdi.Main");
        ManagedProcess process = ManagedProcess.start(new ProcessBuilder(command), logDir.resolve("helidon-noop.log"),
                "Server started on", Duration.ofSeconds(90));
        return new NoopServer(process, port);
    }

    /** The no-op endpoint's URL. */
    public String url() {
        return "http://127.0.0.1:" + port + "/noop";
    }

    /** Its pid, for the CPU and memory readings. */
    public long pid() {
        return process.process().pid();
    }

    /** Stops the server. */
    @Override
    public void close() {
        process.close();
    }
}
