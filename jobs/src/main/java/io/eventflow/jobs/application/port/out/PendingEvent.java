package io.eventflow.jobs.application.port.out;

import java.util.Objects;

import io.eventflow.jobs.domain.ReceivedEvent;
import io.eventflow.jobs.domain.StreamPosition;

/**
 * An event about to be processed in the background.
 *
 * @param event      the event
 * @param maxRetries retries its job gets after the first failed attempt
 * @param position   where it was read from, or null
 */
public record PendingEvent(ReceivedEvent event, int maxRetries, StreamPosition position) {

    /** Requires the event. */
    public PendingEvent {
        Objects.requireNonNull(event, "event");
    }
}
