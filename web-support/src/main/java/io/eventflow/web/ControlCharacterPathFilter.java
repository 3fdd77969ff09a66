package io.eventflow.web;

import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 400 problem details for a path that decodes to a control character ({@code %0A}, {@code %00}, C1, U+2028
 * and U+2029): no route, id or name of ours contains one. The request's {@code Origin} is dropped first, because
 * Helidon 4.1.2's CORS support cannot match such a path against its patterns and would turn the answer into a 500
 * ("Could not locate expected CORS information"), found by the generated bad-input corpus.
 */
@Provider
@PreMatching
@Priority(Priorities.USER + 100)
@ApplicationScoped
public class ControlCharacterPathFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                request.getHeaders().remove("Origin");
                request.abortWith(Problems.problem(Response.Status.BAD_REQUEST, "Invalid path",
                        String.format(Locale.ROOT, "The path contains the control character U+%04X at position %d; "
                                + "paths, ids and names never contain one. Check how the URL was built.", (int) c, i)));
                return;
            }
        }
    }
}
