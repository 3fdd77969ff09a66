package io.eventflow.publisher.adapter.in.web;

import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

import io.eventflow.schemas.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The {@code Idempotency-Key} request header: absent, or 1 to 255 visible ASCII characters. A key is scoped to
 * the API key that sent it ({@link #client}), so two clients that happen to pick the same key do not collide.
 */
final class IdempotencyKeyHeader {

    /** The header's name. */
    static final String NAME = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private IdempotencyKeyHeader() {
    }

    /** The client's key, or null; 422 for a malformed one. */
    static String of(ContainerRequestContext request) {
        String key = request.getHeaderString(NAME);
        if (key == null) {
            return null;
        }
        if (!VALID.matcher(key).matches()) {
            throw new InvalidEventException("Invalid " + NAME + " header", List.of(new Violation(NAME, "",
                    "must be 1 to 255 visible ASCII characters without spaces, e.g. a UUID")));
        }
        return key;
    }

    /**
     * The name of the API key that sent the request: the security context's principal, set by the API-key filter;
     * null when API keys are off.
     */
    static String client(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        Principal principal = security == null ? null : security.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }
}
