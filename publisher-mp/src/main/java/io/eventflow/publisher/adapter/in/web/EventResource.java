package io.eventflow.publisher.adapter.in.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.publisher.application.port.in.PublishEventUseCase;
import io.eventflow.web.CorrelationIdFilter;
import io.eventflow.web.Problems;
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
 *   -d '{"user_id":"user-123","event_type":"page_view","timestamp":"2024-01-01T12:00:00Z"}'
 * curl -X POST localhost:8080/api/v1/events/chemical -H 'Content-Type: application/json' \
 *   -d '{"molecule_id":"mol-42","researcher":"Dr. Smith","data":{"formula":"H2O"},"timestamp":"2024-01-01T12:00:00Z"}'
 * </pre>
 * 202 means the broker acknowledged the event.
 */
@Path("/api/v1/events")
@ApplicationScoped
public class EventResource {

    private static final Logger LOGGER = Logger.getLogger(EventResource.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";

    private final EventRequestParser parser;
    private final PublishEventUseCase publishEvent;
    private final IngestionMetrics metrics;

    /** Creates the resource. */
    @Inject
    public EventResource(EventRequestParser parser, PublishEventUseCase publishEvent, IngestionMetrics metrics) {
        this.parser = parser;
        this.publishEvent = publishEvent;
        this.metrics = metrics;
    }

    /** Publishes a {@code user_analytics} event. */
    @POST
    @Path("/analytics")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public CompletionStage<Response> analytics(String body, @Context ContainerRequestContext request) {
        return publish("user_analytics", body, request);
    }

    /** Publishes a {@code chemical_research} event. */
    @POST
    @Path("/chemical")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public CompletionStage<Response> chemical(String body, @Context ContainerRequestContext request) {
        return publish("chemical_research", body, request);
    }

    private CompletionStage<Response> publish(String type, String body, ContainerRequestContext request) {
        String correlationId = CorrelationIdFilter.correlationId(request);
        PublishEventCommand command;
        try {
            command = parser.parse(type, body, correlationId);
        } catch (InvalidEventException e) {
            metrics.rejected(type);
            return CompletableFuture.completedFuture(Problems.unprocessable(e.getMessage(), e.violations().stream()
                    .map(v -> Map.of("field", v.field(), "pointer", v.pointer(), "reason", v.reason())).toList()));
        }
        long start = System.nanoTime();
        return publishEvent.publish(command)
                .thenApply(eventId -> {
                    metrics.accepted(type, java.time.Duration.ofNanos(System.nanoTime() - start));
                    return accepted(eventId);
                })
                .exceptionally(e -> {
                    metrics.failed(type);
                    return unavailable(type, correlationId, e);
                });
    }

    private static Response accepted(UUID eventId) {
        return Response.accepted(Map.of("message", "Event published", "event_id", eventId.toString())).build();
    }

    private static Response unavailable(String type, String correlationId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOGGER.log(Level.WARNING, "Event not published: type=" + type + " correlationId=" + correlationId, cause);
        return Response.fromResponse(Problems.problem(Response.Status.SERVICE_UNAVAILABLE, "Event not accepted",
                        "The event broker did not acknowledge the event, so it was not accepted. Retry later."))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
