package io.eventflow.publisher.application.port.in;

import java.util.Map;
import java.util.Objects;

import io.eventflow.publisher.domain.EventOrigin;

/**
 * A request to publish one validated event.
 *
 * @param type           the event type
 * @param schemaVersion  the contract version the payload was validated against
 * @param payload        the contract's fields
 * @param correlationId  the caller's correlation id
 * @param origin         the event's CloudEvents source, id, time and subject
 * @param idempotencyKey what makes a retry of this request recognisable; null when the client sent none
 */
public record PublishEventCommand(String type, int schemaVersion, Map<String, Object> payload, String correlationId,
                                  EventOrigin origin, IdempotencyKey idempotencyKey) {

    /** Checks the command is complete. */
    public PublishEventCommand {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(origin, "origin");
    }

    /** A command for an event posted to a contract endpoint without an idempotency key. */
    public PublishEventCommand(String type, int schemaVersion, Map<String, Object> payload, String correlationId) {
        this(type, schemaVersion, payload, correlationId, EventOrigin.publisher(), null);
    }
}
