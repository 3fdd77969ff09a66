package io.eventflow.processing.application;

import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;

/** Processes the events of one type; adding an event type is adding a handler. */
public interface EventHandler {

    /** The event type this handler processes, e.g. {@code user_analytics}. */
    String type();

    /**
     * Turns a received event into the event to store: reads its fields and runs what it needs, such as its
     * enrichment. It stores nothing, so running it again for the same event has no effect of its own.
     */
    StorableEvent prepare(ReceivedEvent event);
}
