package io.eventflow.publisher.adapter.in.web;

import java.util.List;
import java.util.Map;

import io.eventflow.schemas.EventSchemas;
import io.eventflow.schemas.SchemaDescriptor;
import io.eventflow.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The event contracts the publisher validates against (module {@code schemas}).
 * <pre>
 * curl -H "X-API-Key: $KEY" localhost:8080/api/v1/schemas
 * curl -H "X-API-Key: $KEY" localhost:8080/api/v1/schemas/user_analytics
 * </pre>
 */
@Path("/api/v1/schemas")
@ApplicationScoped
public class SchemaResource {

    private static final MediaType SCHEMA_JSON = MediaType.valueOf("application/schema+json");
    private final EventSchemas schemas;

    /** Creates the resource. */
    @Inject
    public SchemaResource(EventSchemas schemas) {
        this.schemas = schemas;
    }

    /** Every bundled schema: {@code {"schemas":[{"type","version","title","url"}]}}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Map<String, Object>>> list() {
        return Map.of("schemas", schemas.list().stream().map(SchemaResource::describe).toList());
    }

    /** The newest JSON Schema of an event type; 404 naming the known types otherwise. */
    @GET
    @Path("/{type}")
    @Produces({"application/schema+json", MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response schema(@PathParam("type") String type) {
        return schemas.latest(type)
                .flatMap(latest -> schemas.document(latest.type(), latest.version()))
                .map(document -> Response.ok(document, SCHEMA_JSON).build())
                .orElseGet(() -> Problems.problem(Response.Status.NOT_FOUND, "Unknown event type",
                        "No schema for event type '" + type + "'. Known types: " + schemas.list().stream()
                                .map(SchemaDescriptor::type).distinct().toList() + "."));
    }

    private static Map<String, Object> describe(SchemaDescriptor descriptor) {
        return Map.of("type", descriptor.type(), "version", descriptor.version(), "title", descriptor.title(),
                "url", "/api/v1/schemas/" + descriptor.type());
    }
}
