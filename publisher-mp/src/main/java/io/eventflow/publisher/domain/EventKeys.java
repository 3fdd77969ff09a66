package io.eventflow.publisher.domain;

import java.util.Map;
import java.util.Optional;

/** Which payload field is an event type's ordering key (its aggregate id). */
public record EventKeys(Map<String, String> keyFieldByType) {

    /** The contract's keys: {@code user_id} for analytics, {@code molecule_id} for chemical research. */
    public static EventKeys defaults() {
        return new EventKeys(Map.of("user_analytics", "user_id", "chemical_research", "molecule_id"));
    }

    /** The key of an event of the given type, if its type has a key field and the payload carries it. */
    public Optional<String> keyOf(String type, Map<String, Object> payload) {
        return Optional.ofNullable(keyFieldByType.get(type)).map(payload::get).map(Object::toString);
    }
}
