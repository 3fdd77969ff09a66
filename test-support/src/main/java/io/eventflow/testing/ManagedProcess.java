package io.eventflow.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;

/**
 * A child process started for a test, whose output is copied to a log file and watched for a ready
 * line. Closing it stops the process and all its descendants.
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
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
        Files.createDirectories(logFile.getParent());
        String name = logFile.getFileName().toString();
        Process process = builder.redirectErrorStream(true).start();
        ManagedProcess managed = new ManagedProcess(name, process, logFile);
        CompletableFuture<Void> ready = managed.pumpOutput(readyLine);
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

    /** Where this process's output is written. */
    public Path logFile() {
        return logFile;
    }

    private CompletableFuture<Void> pumpOutput(String readyLine) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
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
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
