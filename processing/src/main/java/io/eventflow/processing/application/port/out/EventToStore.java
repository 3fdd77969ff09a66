package io.eventflow.processing.application.port.out;

import java.util.Objects;

import io.eventflow.processing.domain.StorableEvent;

/**
 * An event to store, with the retry it was processed in (kept on its status row).
 *
 * @param event      the event
 * @param retryCount the retry that processed it (0 for the first attempt)
 */
public record EventToStore(StorableEvent event, int retryCount) {

    /** Requires the event. */
    public EventToStore {
        Objects.requireNonNull(event, "event");
    }
}
