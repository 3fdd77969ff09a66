package io.eventflow.processing.application;

import io.eventflow.processing.domain.ReceivedEvent;

/** Processes the events of one type; adding an event type is adding a handler. */
public interface EventHandler {

    /** The event type this handler processes, e.g. {@code user_analytics}. */
    String type();

    /** Processes (and stores) one event; must be idempotent. */
    void handle(ReceivedEvent event, int retryCount);
}
