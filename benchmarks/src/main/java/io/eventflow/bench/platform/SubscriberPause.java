package io.eventflow.bench.platform;

import java.io.IOException;

/**
 * Pauses the subscriber (SIGSTOP) and resumes it (SIGCONT) on close - also from a shutdown hook - so
 * its work on the ingestion phases' backlog does not compete with the later phases for the CPU.
 */
public final class SubscriberPause implements AutoCloseable {

    private final Long pid;
    private final Thread resumeOnExit;

    private SubscriberPause(Long pid) {
        this.pid = pid;
        this.resumeOnExit = new Thread(this::resume, "resume-subscriber");
    }

    /** Pauses the process if it runs; if it cannot, nothing is paused. */
    public static SubscriberPause pause(Long pid) throws InterruptedException {
        boolean alive = pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            return new SubscriberPause(null);
        }
        try {
            Signals.send("STOP", pid);
        } catch (IOException e) {
            return new SubscriberPause(null);
        }
        SubscriberPause pause = new SubscriberPause(pid);
        Runtime.getRuntime().addShutdownHook(pause.resumeOnExit);
        return pause;
    }

    /** True if a subscriber was paused. */
    public boolean paused() {
        return pid != null;
    }

    private void resume() {
        try {
            Signals.send("CONT", pid);
        } catch (IOException e) {
            System.err.println("[bench] could not resume the subscriber (pid " + pid + "): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resumes the subscriber. */
    @Override
    public void close() {
        if (pid != null) {
            resume();
            try {
                Runtime.getRuntime().removeShutdownHook(resumeOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook resumes it too, harmlessly
            }
        }
    }
}
