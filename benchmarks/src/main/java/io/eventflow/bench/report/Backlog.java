package io.eventflow.bench.report;

/**
 * How far a sustained phase's load ran ahead of storing: the most events sent and not yet stored, the cap on that
 * at the end, and how often a sender waited for room. No wait means the platform stored all it was sent.
 */
public record Backlog(long peak, long cap, long waits) {

    /** True when senders had to wait: the platform stored less than the load could send. */
    public boolean reached() {
        return waits > 0;
    }
}
