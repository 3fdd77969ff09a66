package io.eventflow.processing.application.port.out;

import java.util.Objects;
import java.util.UUID;

import io.eventflow.processing.domain.StorableEvent;

/**
 * An event to store, with the retry it was processed in and the batch job that processed it (both kept on its status
 * row).
 *
 * @param event      the event
 * @param retryCount the retry that processed it (0 for the first attempt)
 * @param batchJobId the batch job that processed it, or null when it had a job of its own
 */
public record EventToStore(StorableEvent event, int retryCount, UUID batchJobId) {

    /** Requires the event. */
    public EventToStore {
        Objects.requireNonNull(event, "event");
    }

    /** An event processed by a job of its own. */
    public EventToStore(StorableEvent event, int retryCount) {
        this(event, retryCount, null);
    }
}
