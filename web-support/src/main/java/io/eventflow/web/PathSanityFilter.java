package io.eventflow.web;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards both services against paths that decode to something no route of ours uses, found by the generated
 * bad-input corpus:
 * <ul>
 *   <li>a control character ({@code %0A}, {@code %00}, C1, U+2028, U+2029) is a 400 problem: no route, id or name
 *       contains one;</li>
 *   <li>Helidon 4.1.2's CORS support answers a cross-origin request whose decoded path it cannot match against its
 *       patterns (a {@code %}, {@code #}, {@code ?}, a backslash, braces, an empty segment, a line break) with a
 *       500 ("Could not locate expected CORS information"); for such a path the {@code Origin} header is dropped, so
 *       the request is answered as a same-origin one, without CORS headers - a browser then withholds the answer,
 *       which is what it would do for any refused origin.</li>
 * </ul>
 */
@Provider
@PreMatching
@Priority(Priorities.USER + 100)
@ApplicationScoped
public class PathSanityFilter implements ContainerRequestFilter {

    private static final Pattern PLAIN = Pattern.compile("(/[\\p{L}\\p{N} ._~!$&'()*+,;=:@-]+)*/?");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String absolute = path.startsWith("/") ? path : "/" + path;
        if (!PLAIN.matcher(absolute).matches()) {
            request.getHeaders().remove("Origin");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                request.abortWith(Problems.problem(Response.Status.BAD_REQUEST, "Invalid path",
                        String.format(Locale.ROOT, "The path contains the control character U+%04X at position %d; "
                                + "paths, ids and names never contain one. Check how the URL was built.", (int) c, i)));
                return;
            }
        }
    }
}
