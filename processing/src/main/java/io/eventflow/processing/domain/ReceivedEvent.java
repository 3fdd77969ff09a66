package io.eventflow.processing.domain;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as it arrived from the publisher: its identity, type and the contract's fields.
 *
 * @param eventId   the id the publisher gave the event
 * @param type      the event type, e.g. {@code user_analytics}
 * @param key       the ordering key (user id, molecule id)
 * @param payload   the contract's fields as a JSON object
 */
public record ReceivedEvent(UUID eventId, String type, String key, Map<String, Object> payload) {

    /** Validates presence of the identity fields. */
    public ReceivedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        payload = payload == null ? Map.of() : payload;
    }

    /** A string field of the payload, or null. */
    public String text(String field) {
        Object value = payload.get(field);
        return value == null ? null : value.toString();
    }

    /** An object field of the payload, or an empty map when absent or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        Object value = payload.get(field);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
