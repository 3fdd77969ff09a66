package io.eventflow.processing.domain;

import java.util.Objects;

/**
 * An event together with where it was read from.
 *
 * @param event       the event
 * @param position    its record's place in the stream, or null when it did not come from one
 * @param traceParent the W3C {@code traceparent} of the trace it belongs to, passed on as it is, or null
 */
public record StreamedEvent(ReceivedEvent event, StreamPosition position, String traceParent) {

    /** Requires the event. */
    public StreamedEvent {
        Objects.requireNonNull(event, "event");
    }

    /** An event outside any trace. */
    public StreamedEvent(ReceivedEvent event, StreamPosition position) {
        this(event, position, null);
    }
}
