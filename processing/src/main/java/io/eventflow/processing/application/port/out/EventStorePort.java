package io.eventflow.processing.application.port.out;

import java.util.List;

import io.eventflow.processing.domain.StorableEvent;

/**
 * Stores processed events. Storing an event writes its row and completes its status in one transaction, once: an
 * event that is already completed adds nothing. Each call returns when its events are committed.
 */
public interface EventStorePort {

    /** Stores one event, processed by its own job, and completes its status. */
    void store(StorableEvent event, int retryCount);

    /** Stores the events and completes their statuses in one transaction: all of them or, when it throws, none. */
    void storeAll(List<EventToStore> events);
}
