package io.eventflow.publisher.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An accepted event on its way to the broker.
 *
 * @param eventId        the id given to the event on acceptance
 * @param type           the event type ({@code user_analytics}, {@code chemical_research})
 * @param schemaVersion  the contract version the event was validated against
 * @param key            the ordering key (the aggregate id: user id, molecule id)
 * @param payload        the contract's fields
 * @param publishedAt    when the publisher accepted the event
 * @param serviceVersion the publisher's version
 * @param correlationId  the caller's correlation id, carried along for tracing
 * @param origin         the CloudEvents source, id, time and subject of the event
 */
public record OutgoingEvent(UUID eventId, String type, int schemaVersion, String key, Map<String, Object> payload,
                            Instant publishedAt, String serviceVersion, String correlationId, EventOrigin origin) {

    /** An event posted to a contract endpoint: this publisher is its origin. */
    public OutgoingEvent(UUID eventId, String type, int schemaVersion, String key, Map<String, Object> payload,
                         Instant publishedAt, String serviceVersion, String correlationId) {
        this(eventId, type, schemaVersion, key, payload, publishedAt, serviceVersion, correlationId,
                EventOrigin.publisher());
    }

    /** The CloudEvents id: the producer's own, else the event id. */
    public String cloudEventId() {
        return origin.id() != null ? origin.id() : eventId.toString();
    }

    /** The CloudEvents time: the producer's, else the payload's {@code timestamp}, else the publish time. */
    public String cloudEventTime() {
        if (origin.time() != null) {
            return origin.time();
        }
        Object timestamp = payload.get("timestamp");
        return timestamp instanceof String text ? text : publishedAt.toString();
    }
}
