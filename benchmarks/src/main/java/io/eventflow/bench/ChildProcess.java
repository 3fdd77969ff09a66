package io.eventflow.bench;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A process the harness started: its output goes to a log file and can be awaited for a line. */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final String readyLine;

    private ChildProcess(String name, Process process, String readyLine) {
        this.name = name;
        this.process = process;
        this.readyLine = readyLine;
    }

    /** Starts the process; {@code readyLine} (may be null) is the text {@link #awaitReady} waits for. */
    static ChildProcess start(String name, ProcessBuilder builder, Path logFile, String readyLine) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ChildProcess child = new ChildProcess(name, builder.redirectErrorStream(true).start(), readyLine);
        Thread pump = new Thread(() -> child.pump(logFile), name + "-output");
        pump.setDaemon(true);
        pump.start();
        return child;
    }

    /** Waits until the ready line was printed; fails if the process ends first or the time runs out. */
    void awaitReady(Duration timeout) throws IOException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted while starting", e);
        } catch (ExecutionException e) {
            close();
            throw new IOException(name + " ended before it was ready; its last lines: " + tail(), e);
        } catch (TimeoutException e) {
            close();
            throw new IOException(name + " was not ready within " + timeout + "; its last lines: " + tail(), e);
        }
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IOException(name + " did not finish within " + timeout + ": " + tail());
        }
        ready.join();
        return process.exitValue();
    }

    /** Every line printed so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The pid, for memory and CPU readings. */
    long pid() {
        return process.pid();
    }

    /** The last lines of output, for error messages. */
    String tail() {
        List<String> all = lines();
        return String.join(" | ", all.subList(Math.max(0, all.size() - 8), all.size()));
    }

    private void pump(Path logFile) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.println(line);
                lines.add(line);
                if (readyLine != null && line.contains(readyLine)) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            lines.add("output lost: " + e);
        }
        if (readyLine == null) {
            ready.complete("ended");
        }
        ready.completeExceptionally(new IOException(name + " ended before it was ready"));
    }

    /** Sends SIGTERM, waits up to a minute, then kills the process and anything it left behind. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
