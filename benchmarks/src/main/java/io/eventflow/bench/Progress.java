package io.eventflow.bench;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The progress line: the current phase and what its load generator did so far, refreshed in place
 * on a terminal and printed every few seconds otherwise (CI logs).
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String phase = "starting";
    private volatile Supplier<String> status = () -> "";

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        ticker.scheduleAtFixedRate(this::print, 1, terminal ? 1 : 5, TimeUnit.SECONDS);
    }

    /** Starts a phase: prints it on its own line. */
    void phase(String name) {
        phase = name;
        status = () -> "";
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println("[bench " + elapsed() + "] " + name);
    }

    /** Prints what a step measured on a line of its own; the phase goes on. */
    void result(String line) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println("[bench " + elapsed() + "] => " + line);
    }

    /** What the running step reports on the progress line (sent, ok, errors...). */
    void track(Supplier<String> status) {
        this.status = status;
    }

    private synchronized void print() {
        String line = "[bench " + elapsed() + "] " + phase + " " + status.get();
        if (terminal) {
            out.print("\r\033[K" + line);
            out.flush();
        } else {
            out.println(line);
        }
    }

    private String elapsed() {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (terminal) {
            out.println();
        }
    }
}
