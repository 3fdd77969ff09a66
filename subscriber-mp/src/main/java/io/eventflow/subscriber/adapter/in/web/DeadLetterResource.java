package io.eventflow.subscriber.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.schemas.EventRecordFormat;
import io.eventflow.subscriber.application.port.in.BrowseDeadLettersUseCase;
import io.eventflow.subscriber.application.port.in.RedriveDeadLettersUseCase;
import io.eventflow.subscriber.application.port.in.RedriveDeadLettersUseCase.Correction;
import io.eventflow.subscriber.domain.DeadLetter;
import io.eventflow.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The dead-letter topic for operators: list its records with their reason (newest first, paged, optionally only
 * one reason), show one with its whole value, and send records back to the events topic once their cause is fixed
 * (their event id kept, so an event stored already is not stored again). Listing needs the {@code read} scope,
 * redriving the {@code admin} scope.
 * <pre>
 * curl -H "X-API-Key: $KEY" 'localhost:8081/api/v1/dead-letters?limit=20&amp;offset=0&amp;reason=invalid'
 * curl -H "X-API-Key: $KEY" localhost:8081/api/v1/dead-letters/0-12
 * curl -X POST -H "X-API-Key: $KEY" localhost:8081/api/v1/dead-letters/0-12/redrive
 * curl -X POST -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d @fixed-event.json \
 *      localhost:8081/api/v1/dead-letters/0-12/redrive
 * curl -X POST -H "X-API-Key: $KEY" 'localhost:8081/api/v1/dead-letters/redrive?reason=unknown%20event%20type'
 * </pre>
 */
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearerKey")
@APIResponse(responseCode = "401", description = "The API key is missing or not valid (problem details)")
@APIResponse(responseCode = "403", description = "The API key lacks the scope: 'read' to list, 'admin' to redrive")
@Path("/api/v1/dead-letters")
@ApplicationScoped
public class DeadLetterResource {

    private static final Pattern ID = Pattern.compile("(\\d{1,9})-(\\d{1,18})");
    private static final int MAX_LIMIT = 100;

    private final BrowseDeadLettersUseCase browse;
    private final RedriveDeadLettersUseCase redrive;
    private final ObjectMapper mapper;
    private final String eventsTopic;

    /** Creates the resource. */
    @Inject
    public DeadLetterResource(BrowseDeadLettersUseCase browse, RedriveDeadLettersUseCase redrive, ObjectMapper mapper,
                              @ConfigProperty(name = "eventflow.topic") String eventsTopic) {
        this.browse = browse;
        this.redrive = redrive;
        this.mapper = mapper;
        this.eventsTopic = eventsTopic;
    }

    /** A page of dead letters: {@code ?limit=1..100} (20), {@code ?offset=} (0), {@code ?reason=} (contains). */
    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response list(@QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
                         @QueryParam("reason") String reason) {
        int size = limit == null ? 20 : limit;
        int skip = offset == null ? 0 : offset;
        if (size < 1 || size > MAX_LIMIT || skip < 0) {
            return Problems.unprocessable("Invalid paging", List.of(Map.of("field", size < 1 || size > MAX_LIMIT
                    ? "limit" : "offset", "pointer", "", "reason", size < 1 || size > MAX_LIMIT
                    ? "must be between 1 and " + MAX_LIMIT : "must be 0 or more")));
        }
        return json(DeadLetterViews.page(browse.page(reasonFilter(reason), skip, size)));
    }

    /** One dead letter with its whole value; 404 when there is none with that id. */
    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response one(@PathParam("id") String id) {
        Optional<DeadLetter> letter = parse(id).flatMap(p -> browse.find(p[0].intValue(), p[1]));
        return letter.map(l -> json(DeadLetterViews.letter(l, true))).orElseGet(() -> notFound(id));
    }

    /**
     * Sends one dead letter back to the events topic: as it is with no body, or with the JSON object in the body
     * as its corrected value, which must keep the dead letter's {@code event_id}. 202, 404, or 422.
     */
    @POST
    @Path("/{id}/redrive")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response redriveOne(@PathParam("id") String id, String body) {
        Optional<Long[]> position = parse(id);
        if (position.isEmpty()) {
            return notFound(id);
        }
        Optional<Correction> correction;
        try {
            correction = correction(body);
        } catch (IllegalArgumentException e) {
            return invalidCorrection(e.getMessage());
        }
        return switch (redrive.redrive(position.get()[0].intValue(), position.get()[1], correction)) {
            case REDRIVEN -> Response.accepted(new DeadLetterViews.Redriven(1, id,
                    correction.map(Correction::eventId).orElse(null), null, eventsTopic))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
            case NOT_FOUND -> notFound(id);
            case EVENT_ID_CHANGED -> invalidCorrection("event_id must stay the dead letter's event id: a new id "
                    + "could store the event twice; send the corrected event with its original event_id");
            case EVENT_ID_MISSING -> invalidCorrection("event_id is required: the corrected event needs an id");
        };
    }

    /** Sends every dead letter back, or those whose reason contains {@code ?reason=}: 202 {@code {"redriven": n}}. */
    @POST
    @Path("/redrive")
    @Produces(MediaType.APPLICATION_JSON)
    public Response redriveAll(@QueryParam("reason") String reason) {
        Optional<String> only = reasonFilter(reason);
        return Response.accepted(new DeadLetterViews.Redriven(redrive.redriveAll(only), null, null,
                only.orElse(null), eventsTopic)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Optional<Correction> correction(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage()
                    + "; send the corrected event as a JSON object, or no body to redrive the record as it is");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be the corrected event as a JSON object");
        }
        String eventId = node.path(EventRecordFormat.FIELD_EVENT_ID).asText("");
        UUID id = null;
        if (!eventId.isEmpty()) {
            try {
                id = UUID.fromString(eventId);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("event_id '" + eventId + "' is not a UUID");
            }
        }
        return Optional.of(new Correction(body.strip(), id));
    }

    private static Optional<String> reasonFilter(String reason) {
        return Optional.ofNullable(reason).filter(r -> !r.isBlank());
    }

    private static Optional<Long[]> parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id);
        return m.matches() ? Optional.of(new Long[] {Long.valueOf(m.group(1)), Long.valueOf(m.group(2))})
                : Optional.empty();
    }

    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response notFound(String id) {
        return Problems.problem(Response.Status.NOT_FOUND, "Dead letter not found", "No dead letter with id '" + id
                + "' (ids are <partition>-<offset> of the dead-letter topic, as GET /api/v1/dead-letters lists them)");
    }

    private static Response invalidCorrection(String reason) {
        return Problems.unprocessable("Invalid corrected event", List.of(Map.of("field", "", "pointer", "",
                "reason", reason)));
    }
}
