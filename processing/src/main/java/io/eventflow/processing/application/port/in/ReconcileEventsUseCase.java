package io.eventflow.processing.application.port.in;

import java.time.Duration;
import java.util.Optional;

/**
 * Finds events stuck before a final status - {@code pending} or {@code processing} for longer than a bound while
 * no live job exists for them - and gets them processed again. Safe to run in several processes at once.
 */
public interface ReconcileEventsUseCase {

    /**
     * What one run did.
     *
     * @param stale       unfinished events older than the bound that were looked at
     * @param requeued    events whose ended job (succeeded, failed or deleted without a final status) was re-queued
     * @param rescheduled events whose job was gone and was created again from their record in the stream
     * @param failed      events whose job was gone and whose record could not be read again: marked failed
     */
    record Result(int stale, int requeued, int rescheduled, int failed) {

        /** Events this run repaired, whatever the way. */
        public int repaired() {
            return requeued + rescheduled + failed;
        }
    }

    /** Runs once over every stale unfinished event. */
    Result reconcile();

    /** How long the oldest event that is neither completed nor failed has existed; empty when there is none. */
    Optional<Duration> oldestUnfinishedAge();
}
