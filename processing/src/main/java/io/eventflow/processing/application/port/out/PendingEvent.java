package io.eventflow.processing.application.port.out;

import java.util.Objects;

import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StreamPosition;

/**
 * An event about to be processed in the background.
 *
 * @param event       the event
 * @param maxRetries  retries its job gets after the first failed attempt
 * @param position    where it was read from, or null
 * @param traceParent the W3C {@code traceparent} of the trace it belongs to, or null
 */
public record PendingEvent(ReceivedEvent event, int maxRetries, StreamPosition position, String traceParent) {

    private static final int TRACE_ID_START = 3;
    private static final int TRACE_ID_END = 35;

    /** Requires the event. */
    public PendingEvent {
        Objects.requireNonNull(event, "event");
    }

    /** The trace id inside {@link #traceParent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public String traceId() {
        if (traceParent == null || traceParent.length() < TRACE_ID_END || traceParent.charAt(2) != '-'
                || traceParent.charAt(TRACE_ID_END) != '-') {
            return null;
        }
        return traceParent.substring(TRACE_ID_START, TRACE_ID_END);
    }
}
