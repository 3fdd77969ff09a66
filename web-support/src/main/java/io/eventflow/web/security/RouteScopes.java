package io.eventflow.web.security;

/**
 * Which scope a route needs, decided by each service (a CDI bean it produces): the publisher asks for
 * {@link Scope#PUBLISH} everywhere, the subscriber for {@link Scope#READ} on reads and {@link Scope#ADMIN} on the
 * rest.
 */
@FunctionalInterface
public interface RouteScopes {

    /** The scope a request with this HTTP method to this path (relative, without a leading slash) needs. */
    Scope required(String method, String path);

    /** Every route needs {@code scope}. */
    static RouteScopes always(Scope scope) {
        return (method, path) -> scope;
    }

    /** Reads ({@code GET}, {@code HEAD}) need {@code read}; every other method changes state and needs {@code write}. */
    static RouteScopes readOrWrite(Scope read, Scope write) {
        return (method, path) -> "GET".equals(method) || "HEAD".equals(method) ? read : write;
    }
}
