package io.eventflow.subscriber.adapter.in.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.eventflow.subscriber.application.port.in.QueryEventStoryUseCase;
import io.eventflow.subscriber.domain.EventStory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * One event's whole story: type, status, retries, last error, its job (id, JobRunr state, attempts), when it
 * was received and processed, and the Kafka partition and offset it was read from; 404 for an unknown event.
 * Needs a key with the {@code read} scope.
 * <pre>
 * curl -H "X-API-Key: $KEY" localhost:8081/api/v1/events/9d707ce3-b934-4906-a9b1-1ecf369af483
 * </pre>
 */
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearerKey")
@APIResponse(responseCode = "401", description = "The API key is missing or not valid (problem details)")
@APIResponse(responseCode = "403", description = "The API key lacks the 'read' scope (problem details)")
@Path("/api/v1/events")
@ApplicationScoped
public class EventStoryResource {

    private final QueryEventStoryUseCase stories;

    /** Creates the resource. */
    @Inject
    public EventStoryResource(QueryEventStoryUseCase stories) {
        this.stories = stories;
    }

    /** {@code {"event_id", "type", "status", "retry_count", "max_retries", "last_error", "job_id", ...}}. */
    @GET
    @Path("/{event_id}")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response story(@PathParam("event_id") String eventId) {
        return EventIds.parse(eventId).flatMap(stories::story)
                .map(story -> Response.ok(view(story), MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> EventIds.notFound(eventId));
    }

    private static Map<String, Object> view(EventStory s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("event_id", s.eventId().toString());
        view.put("type", s.type());
        view.put("status", s.status());
        view.put("retry_count", s.retryCount());
        view.put("max_retries", s.maxRetries());
        view.put("last_error", s.lastError());
        view.put("job_id", s.job() == null ? null : s.job().id().toString());
        view.put("job_state", s.job() == null ? null : s.job().state());
        view.put("attempts", s.job() == null ? 0 : s.job().attempts());
        view.put("received_at", iso(s.receivedAt()));
        view.put("updated_at", iso(s.updatedAt()));
        view.put("processed_at", iso(s.processedAt()));
        view.put("kafka", s.position() == null ? null : Map.of("topic", s.position().topic(),
                "partition", s.position().partition(), "offset", s.position().offset()));
        view.put("trace_id", s.traceId());
        return view;
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
