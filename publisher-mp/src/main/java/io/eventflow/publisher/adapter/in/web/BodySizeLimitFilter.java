package io.eventflow.publisher.adapter.in.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import io.eventflow.web.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 problem details for a request body over {@code eventflow.http.max-body-bytes}, before any resource
 * reads it: by its {@code Content-Length}, or, for a chunked body, by reading at most one byte past the limit.
 * Runs after authentication and rate limiting, so an anonymous client cannot make the server read a body.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
@ApplicationScoped
public class BodySizeLimitFilter implements ContainerRequestFilter {

    private final int maxBytes;

    /** Creates the filter with its limit in bytes. */
    @Inject
    public BodySizeLimitFilter(@ConfigProperty(name = "eventflow.http.max-body-bytes", defaultValue = "1048576")
                               int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        if (request.getLength() > maxBytes) {
            request.abortWith(tooLarge());
            return;
        }
        if (request.getLength() < 0) {
            byte[] body = request.getEntityStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                request.abortWith(tooLarge());
                return;
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    private Response tooLarge() {
        return Problems.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Request body too large",
                "The body may be at most " + maxBytes + " bytes. Send fewer or smaller events per request.");
    }
}
