package io.eventflow.subscriber.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.eventflow.processing.application.port.in.RequeueEventsUseCase;
import io.eventflow.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Runs failed events again (their status goes back to pending); answers 202 with how many were re-queued. Needs
 * a key with the {@code admin} scope (403 otherwise); with keys off, a body-less form-like POST is refused as
 * cross-site (send {@code Content-Type: application/json} or an {@code X-Requested-With} header).
 * <pre>
 * curl -X POST -H "X-API-Key: $KEY" localhost:8081/api/v1/events/9d707ce3-b934-4906-a9b1-1ecf369af483/requeue
 * curl -X POST -H "X-API-Key: $KEY" 'localhost:8081/api/v1/events/requeue?type=chemical_research'
 * </pre>
 */
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearerKey")
@APIResponse(responseCode = "401", description = "The API key is missing or not valid (problem details)")
@APIResponse(responseCode = "403", description = "The API key lacks the 'admin' scope (problem details)")
@Path("/api/v1/events")
@ApplicationScoped
public class EventRequeueResource {

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final RequeueEventsUseCase requeue;

    /** Creates the resource. */
    @Inject
    public EventRequeueResource(RequeueEventsUseCase requeue) {
        this.requeue = requeue;
    }

    /** Re-queues one failed event: 202, 404 for an unknown event, 409 when it is not failed. */
    @POST
    @Path("/{event_id}/requeue")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response requeueOne(@PathParam("event_id") String eventId) {
        Optional<UUID> id = EventIds.parse(eventId);
        RequeueEventsUseCase.Outcome outcome = id.map(requeue::requeue).orElse(RequeueEventsUseCase.Outcome.NOT_FOUND);
        return switch (outcome) {
            case REQUEUED -> accepted(Map.of("event_id", eventId, "requeued", 1, "status", "pending"));
            case NOT_FOUND -> EventIds.notFound(eventId);
            case NOT_FAILED -> Problems.problem(Response.Status.CONFLICT, "Event is not failed",
                    "Event " + eventId + " is not failed; only failed events can be requeued");
        };
    }

    /**
     * Re-queues every failed event, or only those of {@code ?type=}: 202 {@code {"requeued": n}}; 422 naming
     * {@code type} when it cannot be an event type (the column holds at most 100 of {@code A-Z a-z 0-9 . _ -}).
     */
    @POST
    @Path("/requeue")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response requeueFailed(@QueryParam("type") String type) {
        Optional<String> only = Optional.ofNullable(type).filter(t -> !t.isBlank());
        if (only.isPresent() && !EVENT_TYPE.matcher(only.get()).matches()) {
            // checked here: PostgreSQL refuses a U+0000 in a text parameter, which would otherwise be a 500
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", "type");
            error.put("pointer", "?type");
            error.put("reason", "must be an event type: 1 to 100 of A-Z a-z 0-9 . _ -, e.g. chemical_research");
            return Problems.unprocessable("Invalid query parameter", List.of(error));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requeued", requeue.requeueFailed(only));
        only.ifPresent(t -> body.put("type", t));
        return accepted(body);
    }

    private static Response accepted(Map<String, Object> body) {
        return Response.accepted(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
