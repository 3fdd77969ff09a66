package io.eventflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the Helidon MP application of this module ({@link NoopResource}) as its own JVM, with the
 * services' JVM flags and heap, on a free loopback port.
 */
final class NoopServer implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private NoopServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with {@code classpath} (this module and its libraries) and waits until it serves. */
    static NoopServer start(String classpath, Path logDir) throws IOException {
        int port = PlatformLauncher.freePort();
        List<String> command = List.of(Bench.javaExecutable(), "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-Dserver.port=" + port, "-Dserver.host=127.0.0.1", "-cp", classpath,
                "io.helidon.microprofile.cdi.Main");
        ChildProcess process = ChildProcess.start("helidon-noop", new ProcessBuilder(command),
                logDir.resolve("helidon-noop.log"), "Server started on");
        process.awaitReady(Duration.ofSeconds(90));
        return new NoopServer(process, port);
    }

    /** The no-op endpoint's URL. */
    String url() {
        return "http://127.0.0.1:" + port + "/noop";
    }

    /** Its pid, for the CPU and memory readings. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
