package io.eventflow.subscriber.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.eventflow.subscriber.application.port.in.QueryAnalyticsUseCase;
import io.eventflow.subscriber.domain.ResearcherAnalytics;
import io.eventflow.subscriber.domain.UserAnalytics;
import io.eventflow.web.Problems;
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
 * Summaries per user and per researcher, in the old service's shape; 404 when there is nothing stored. Needs a
 * key with the {@code read} scope.
 * <pre>
 * curl -H "X-API-Key: $KEY" localhost:8081/api/v1/analytics/user/user-123
 * curl -H "X-API-Key: $KEY" 'localhost:8081/api/v1/analytics/researcher/Dr.%20Smith'
 * </pre>
 */
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearerKey")
@APIResponse(responseCode = "401", description = "The API key is missing or not valid (problem details)")
@APIResponse(responseCode = "403", description = "The API key lacks the 'read' scope (problem details)")
@Path("/api/v1/analytics")
@ApplicationScoped
public class AnalyticsResource {

    private final QueryAnalyticsUseCase analytics;

    /** Creates the resource. */
    @Inject
    public AnalyticsResource(QueryAnalyticsUseCase analytics) {
        this.analytics = analytics;
    }

    /** {@code {"user_id", "total_events", "event_types": {type: count}, "recent_events": [<=10]}}. */
    @GET
    @Path("/user/{user_id}")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response user(@PathParam("user_id") String userId) {
        return analytics.userAnalytics(userId)
                .map(a -> Response.ok(view(a), MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> Problems.problem(Response.Status.NOT_FOUND, "Not Found", "User not found"));
    }

    /** {@code {"researcher", "total_experiments", "unique_molecules", "molecules_list", "recent_experiments"}}. */
    @GET
    @Path("/researcher/{researcher}")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response researcher(@PathParam("researcher") String researcher) {
        return analytics.researcherAnalytics(researcher)
                .map(a -> Response.ok(view(a), MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> Problems.problem(Response.Status.NOT_FOUND, "Not Found", "Researcher not found"));
    }

    private static Map<String, Object> view(UserAnalytics a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("user_id", a.userId());
        view.put("total_events", a.totalEvents());
        view.put("event_types", a.eventTypes());
        view.put("recent_events", a.recentEvents().stream().map(EventViews::user).toList());
        return view;
    }

    private static Map<String, Object> view(ResearcherAnalytics a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("researcher", a.researcher());
        view.put("total_experiments", a.totalExperiments());
        view.put("unique_molecules", a.uniqueMolecules());
        view.put("molecules_list", a.molecules());
        view.put("recent_experiments", a.recentExperiments().stream().map(EventViews::research).toList());
        return view;
    }
}
