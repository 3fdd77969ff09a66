package io.eventflow.publisher.adapter.in.web;

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
 * Event ingestion, the old service's contract.
 * <pre>
 * curl -X POST localhost:8080/api/v1/events/analytics -H 'Content-Type: application/json' \
 *   -H 'Idempotency-Key: 5b0c1d9e-0a47-4a53-9d2a-2f0b1c3d4e5f' \
 *   -d '{"user_id":"user-123","event_type":"page_view","timestamp":"2024-01-01T12:00:00Z"}'
 * curl -X POST localhost:8080/api/v1/events/chemical -H 'Content-Type: application/json' \
 *   -d '{"molecule_id":"mol-42","researcher":"Dr. Smith","data":{"formula":"H2O"},"timestamp":"2024-01-01T12:00:00Z"}'
 * </pre>
 * 202 means the broker acknowledged the event. A retry with the same {@code Idempotency-Key} and body gets the
 * first answer's event id and publishes nothing more.
 */
@Path("/api/v1/events")
@ApplicationScoped
public class EventResource {

    private final EventRequestParser parser;
    private final EventSubmitter submitter;

    /** Creates the resource. */
    @Inject
    public EventResource(EventRequestParser parser, EventSubmitter submitter) {
        this.parser = parser;
        this.submitter = submitter;
    }

    /** Publishes a {@code user_analytics} event. */
    @POST
    @Path("/analytics")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response analytics(String body, @Context ContainerRequestContext request) {
        return publish("user_analytics", body, request);
    }

    /** Publishes a {@code chemical_research} event. */
    @POST
    @Path("/chemical")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response chemical(String body, @Context ContainerRequestContext request) {
        return publish("chemical_research", body, request);
    }

    private Response publish(String type, String body, ContainerRequestContext request) {
        String correlationId = CorrelationIdFilter.correlationId(request);
        return Answers.await(submitter.submit(type,
                        () -> parser.parse(type, body, correlationId, IdempotencyKeyHeader.client(request),
                                IdempotencyKeyHeader.of(request)))
                .thenApply(PublishOutcome::asResponse));
    }
}
