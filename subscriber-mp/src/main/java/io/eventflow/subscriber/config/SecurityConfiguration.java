package io.eventflow.subscriber.config;

import io.eventflow.web.security.RouteScopes;
import io.eventflow.web.security.Scope;
import io.eventflow.web.security.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Reads ({@code GET}: listings, analytics, an event's story) need the {@code read} scope; everything else
 * (requeue, redrive) needs {@code admin}. Keys, rate limits and the wrong-key throttle come from web-support's
 * {@link SecuritySettings}, shared with the publisher.
 */
@ApplicationScoped
class SecurityConfiguration {

    @Produces
    @Singleton
    RouteScopes routeScopes() {
        return RouteScopes.readOrWrite(Scope.READ, Scope.ADMIN);
    }
}
