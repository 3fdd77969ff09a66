package io.eventflow.subscriber.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.eventflow.subscriber.application.port.in.QueryEventsUseCase;
import io.eventflow.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.IntFunction;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Stored events, newest first by event time, in the old service's shape. Needs a key with the {@code read} scope.
 * <pre>
 * curl -H "X-API-Key: $KEY" 'localhost:8081/api/v1/events/user/user-123?limit=10'
 * curl -H "X-API-Key: $KEY" 'localhost:8081/api/v1/events/researcher/Dr.%20Smith?limit=10'
 * </pre>
 */
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearerKey")
@APIResponse(responseCode = "401", description = "The API key is missing or not valid (problem details)")
@APIResponse(responseCode = "403", description = "The API key lacks the 'read' scope (problem details)")
@Path("/api/v1/events")
@ApplicationScoped
public class EventQueryResource {

    private final QueryEventsUseCase queries;

    /** Creates the resource. */
    @Inject
    public EventQueryResource(QueryEventsUseCase queries) {
        this.queries = queries;
    }

    /** A user's events: {@code {"user_id", "events": [...]}}; an unknown user has an empty list. */
    @GET
    @Path("/user/{user_id}")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response userEvents(@PathParam("user_id") String userId,
                               @QueryParam("limit") @DefaultValue("10") String limit) {
        return withLimit(limit, n -> Map.of("user_id", userId,
                "events", queries.userEvents(userId, n).stream().map(EventViews::user).toList()));
    }

    /** A researcher's experiments: {@code {"researcher", "events": [...]}}. */
    @GET
    @Path("/researcher/{researcher}")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response researcherEvents(@PathParam("researcher") String researcher,
                                     @QueryParam("limit") @DefaultValue("10") String limit) {
        return withLimit(limit, n -> Map.of("researcher", researcher,
                "events", queries.researcherEvents(researcher, n).stream().map(EventViews::research).toList()));
    }

    /** Answers 422 naming {@code limit} unless it is a whole number within 1..100. */
    static Response withLimit(String limit, IntFunction<Map<String, Object>> body) {
        int n;
        try {
            n = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > QueryEventsUseCase.MAX_LIMIT) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", "limit");
            error.put("pointer", "?limit");
            error.put("reason", "must be a whole number between 1 and " + QueryEventsUseCase.MAX_LIMIT
                    + ", but was '" + limit + "'");
            return Problems.unprocessable("Invalid query parameter", List.of(error));
        }
        return Response.ok(body.apply(n)).type(MediaType.APPLICATION_JSON).build();
    }
}
