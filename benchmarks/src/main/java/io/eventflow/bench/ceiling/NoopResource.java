package io.eventflow.bench.ceiling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP ceiling: a Helidon MP endpoint that reads the body and answers 202 with a body shaped like
 * the publisher's, doing nothing else. Runs only in the process {@link NoopServer} starts.
 * <pre>
 * curl -X POST localhost:PORT/noop -H 'Content-Type: application/json' -d '{}'
 * </pre>
 */
@Path("/noop")
@ApplicationScoped
public class NoopResource {

    private static final String ACCEPTED =
            "{\"message\":\"Event published\",\"event_id\":\"00000000-0000-0000-0000-000000000000\"}";

    /** Accepts anything. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response accept(String body) {
        return Response.accepted(ACCEPTED).build();
    }
}
