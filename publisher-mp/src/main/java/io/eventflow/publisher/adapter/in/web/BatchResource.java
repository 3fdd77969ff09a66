package io.eventflow.publisher.adapter.in.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.publisher.domain.EventOrigin;
import io.eventflow.schemas.Violation;
import io.eventflow.web.CorrelationIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Many events in one request: a JSON array of contract events, each with its {@code type}, or a CloudEvents batch.
 * <pre>
 * curl -X POST localhost:8080/api/v1/events/batch -H 'Content-Type: application/json' -d '[
 *   {"type":"user_analytics","user_id":"user-123","event_type":"click","timestamp":"2024-01-01T12:00:00Z"},
 *   {"type":"chemical_research","molecule_id":"mol-42","researcher":"Dr. Smith","data":{},"timestamp":"2024-01-01T12:00:00Z"}]'
 * </pre>
 * Answers 207 with {@code accepted}, {@code rejected}, {@code failed} counts and one result per event, in order.
 */
@Path("/api/v1/events")
@ApplicationScoped
public class BatchResource {

    private final EventRequestParser parser;
    private final EventTypeResolver types;
    private final CloudEventReader cloudEvents;
    private final BatchPublisher batches;

    /** Creates the resource. */
    @Inject
    public BatchResource(EventRequestParser parser, EventTypeResolver types, CloudEventReader cloudEvents,
                         BatchPublisher batches) {
        this.parser = parser;
        this.types = types;
        this.cloudEvents = cloudEvents;
        this.batches = batches;
    }

    /**
     * Publishes a JSON array of contract events, each naming its {@code type}. With an {@code Idempotency-Key},
     * the event at index i is keyed {@code <key>#<i>}: a retried batch gets the same event ids.
     */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response batch(String body, @Context ContainerRequestContext request) {
        String correlationId = CorrelationIdFilter.correlationId(request);
        String key;
        try {
            key = IdempotencyKeyHeader.of(request);
        } catch (InvalidEventException e) {
            return new PublishOutcome.Rejected(e.getMessage(), e.violations()).asResponse();
        }
        String client = IdempotencyKeyHeader.client(request);
        return Answers.await(batches.publish(body, "batch", (member, index) -> typed(member, correlationId, client,
                key == null ? null : key + "#" + index)));
    }

    /** Publishes a CloudEvents batch, as {@code POST /api/v1/events} does. */
    @POST
    @Path("/batch")
    @Consumes(CloudEventResource.CLOUDEVENTS_BATCH_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response cloudEventBatch(String body, @Context ContainerRequestContext request) {
        String correlationId = CorrelationIdFilter.correlationId(request);
        return Answers.await(batches.publish(body, "cloudevent",
                (member, index) -> cloudEvents.structured(member, correlationId,
                        IdempotencyKeyHeader.client(request))));
    }

    private PublishEventCommand typed(JsonNode member, String correlationId, String client, String idempotencyKey) {
        if (!member.isObject()) {
            throw new InvalidEventException("Invalid event", List.of(new Violation("", "", "must be a JSON object")));
        }
        JsonNode typeName = member.path("type");
        String type = types.resolve(typeName.isTextual() ? typeName.asText() : null).orElseThrow(() ->
                new InvalidEventException("Invalid event", List.of(new Violation("type", "/type",
                        typeName.isMissingNode() ? "is required" : types.unknownTypeReason()))));
        // the member belongs to this request's own parsed array, so it is changed in place rather than copied
        ObjectNode fields = (ObjectNode) member;
        fields.remove("type");
        return parser.command(type, fields, "", correlationId, EventOrigin.publisher(), client, idempotencyKey);
    }
}
