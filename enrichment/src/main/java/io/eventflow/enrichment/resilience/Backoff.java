package io.eventflow.enrichment.resilience;

import java.time.Duration;

/**
 * Exponential backoff: {@code initial}, then doubled per retry, never above {@code max}. No jitter:
 * enrichment jobs are spread out by the job scheduler already, and fixed waits keep tests exact.
 */
record Backoff(Duration initial, Duration max) {

    /** The pause before retry number {@code retry} (1 for the first retry). */
    Duration before(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
