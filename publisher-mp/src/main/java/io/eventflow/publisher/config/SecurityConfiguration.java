package io.eventflow.publisher.config;

import io.eventflow.web.security.RouteScopes;
import io.eventflow.web.security.Scope;
import io.eventflow.web.security.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Every publisher route needs the {@code publish} scope; keys, rate limits and the wrong-key throttle come from
 * web-support's {@link SecuritySettings}, shared with the subscriber.
 */
@ApplicationScoped
class SecurityConfiguration {

    @Produces
    @Singleton
    RouteScopes routeScopes() {
        return RouteScopes.always(Scope.PUBLISH);
    }
}
