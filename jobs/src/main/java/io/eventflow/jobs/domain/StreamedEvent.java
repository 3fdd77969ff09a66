package io.eventflow.jobs.domain;

import java.util.Objects;

/**
 * An event together with where it was read from.
 *
 * @param event    the event
 * @param position its record's place in the stream, or null when it did not come from one
 */
public record StreamedEvent(ReceivedEvent event, StreamPosition position) {

    /** Requires the event. */
    public StreamedEvent {
        Objects.requireNonNull(event, "event");
    }
}
