package io.eventflow.publisher.application.port.in;

import java.util.Map;
import java.util.Objects;

/**
 * A request to publish one validated event.
 *
 * @param type          the event type
 * @param schemaVersion the contract version the payload was validated against
 * @param payload       the contract's fields
 * @param correlationId the caller's correlation id
 */
public record PublishEventCommand(String type, int schemaVersion, Map<String, Object> payload, String correlationId) {

    /** Checks the command is complete. */
    public PublishEventCommand {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
