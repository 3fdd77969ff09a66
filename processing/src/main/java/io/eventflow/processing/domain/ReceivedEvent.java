package io.eventflow.processing.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * An event as it arrived from the publisher: the typed event, its ordering key, and its record's JSON text as it was
 * validated - carried as it is to the event's job, which reads it once.
 *
 * @param event       the typed event
 * @param key         the ordering key (user id, molecule id), or null
 * @param payloadJson the record's JSON text
 */
public record ReceivedEvent(StorableEvent event, String key, String payloadJson) {

    /** Requires the event and its text. */
    public ReceivedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }

    /** The id the publisher gave the event. */
    public UUID eventId() {
        return event.eventId();
    }

    /** The event type, e.g. {@code user_analytics}. */
    public String type() {
        return event.type();
    }
}
