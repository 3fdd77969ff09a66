package io.eventflow.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process started for a test, whose output is copied to a log file and watched for a ready
 * line. Closing it stops the process and all its descendants. For fault injection it can also be
 * killed ({@link #kill()}), asked to stop ({@link #terminate(Duration)}) and started again the same way
 * ({@link #restart()}: same command, environment, folder and ports, output appended to the same log).
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final ProcessBuilder builder;
    private final String readyLine;
    private final Duration timeout;

    private ManagedProcess(String name, Process process, Path logFile, ProcessBuilder builder, String readyLine,
                           Duration timeout) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.builder = builder;
        this.readyLine = readyLine;
        this.timeout = timeout;
    }

    /**
     * Starts {@code command} and waits until a line of its output contains {@code readyLine}.
     *
     * @throws IllegalStateException if the process ends or times out before it is ready
     */
    public static ManagedProcess start(String name, List<String> command, Path workDir, Path logFile,
                                       String readyLine, Duration timeout) throws IOException {
        return start(new ProcessBuilder(command).directory(workDir.toFile()), logFile, readyLine, timeout);
    }

    /** Starts a prepared process (environment, folder) and waits for {@code readyLine} in its output. */
    public static ManagedProcess start(ProcessBuilder builder, Path logFile, String readyLine, Duration timeout)
            throws IOException {
        return start(builder, logFile, readyLine, timeout, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static ManagedProcess start(ProcessBuilder builder, Path logFile, String readyLine, Duration timeout,
                                        OpenOption logMode) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        String name = logFile.getFileName().toString();
        Process process = builder.redirectErrorStream(true).start();
        ManagedProcess managed = new ManagedProcess(name, process, logFile, builder, readyLine, timeout);
        CompletableFuture<Void> ready = managed.pumpOutput(logMode);
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            managed.close();
            throw new IllegalStateException(name + " did not become ready within " + timeout
                    + " (" + e.getMessage() + "); see " + logFile, e);
        }
        return managed;
    }

    /** The process, for signals and pid checks. */
    public Process process() {
        return process;
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where this process's output is written. */
    public Path logFile() {
        return logFile;
    }

    /**
     * Kills the process and everything it started at once with SIGKILL, as a crash or {@code kill -9} would:
     * no shutdown hook runs. Returns once the process is gone.
     */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.toHandle().destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.onExit().join();
    }

    /**
     * Sends SIGTERM and waits up to {@code grace} for the process to exit on its own (its shutdown hooks run);
     * kills it and its descendants if it does not. Returns whether it exited within the grace period.
     */
    public boolean terminate(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        // the handle only signals: Process.destroy() would also close our end of the output pipe, so the lines
        // a process prints while it shuts down would be lost (and a process writing them could die of SIGPIPE)
        process.toHandle().destroy();
        boolean exited;
        try {
            exited = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            process.toHandle().destroyForcibly();
            process.onExit().join();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return exited;
    }

    /**
     * Starts the same command again (same environment, folder, and so the same ports and data) once this process
     * has ended, appending its output to the same log, and waits for the same ready line.
     *
     * @throws IllegalStateException if this process is still running, or the new one does not become ready
     */
    public ManagedProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + "); stop it first");
        }
        return start(builder, logFile, readyLine, timeout, StandardOpenOption.APPEND);
    }

    private CompletableFuture<Void> pumpOutput(OpenOption logMode) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                         StandardOpenOption.CREATE, StandardOpenOption.WRITE, logMode), true)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    log.println(line);
                    if (line.contains(readyLine)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException(name + " exited with " + exitCodeOrNull()));
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
        return ready;
    }

    private Integer exitCodeOrNull() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Sends SIGTERM, waits up to 30 s for a clean exit, then kills whatever is left. */
    @Override
    public void close() {
        terminate(Duration.ofSeconds(30));
    }
}
