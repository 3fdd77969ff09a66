package io.eventflow.web.security;

import java.util.Set;

/**
 * A configured API key as the services see it once a client presented it: its name (the principal), an opaque id
 * safe to show in metrics, and its scopes.
 *
 * @param name   the key's configured name, e.g. {@code local}; the request's principal name
 * @param id     8 hex digits derived from the key's hash, never from its name: for metric labels
 * @param scopes what the key may do
 */
public record ApiKey(String name, String id, Set<Scope> scopes) {

    /** Copies the scopes. */
    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** True when the key has {@code scope}. */
    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }
}
