package io.eventflow.jobs.application;

import io.eventflow.jobs.domain.ReceivedEvent;

/** Processes the events of one type; adding an event type is adding a handler. */
public interface EventHandler {

    /** The event type this handler processes, e.g. {@code user_analytics}. */
    String type();

    /** Processes (and stores) one event; must be idempotent. */
    void handle(ReceivedEvent event, int retryCount);

    /**
     * True when handling is a single store transaction with no slow step before it: the event then goes from
     * pending straight to completed, without a transaction of its own to record that it is being processed.
     */
    default boolean storesOnly() {
        return false;
    }
}
