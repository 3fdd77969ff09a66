package io.eventflow.web.security;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * API keys, rate limits and the wrong-key throttle from {@code eventflow.security.*}, the same for both services.
 * Keys are required unless turned off explicitly; with keys required and none configured the service refuses to
 * start rather than run open. Each service produces only its {@link RouteScopes}: which scope its routes need.
 */
@ApplicationScoped
public class SecuritySettings {

    private static final Logger LOGGER = Logger.getLogger(SecuritySettings.class.getName());

    @Produces
    @Singleton
    ApiKeyPolicy apiKeyPolicy(
            @ConfigProperty(name = "eventflow.security.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "eventflow.security.api-keys") Optional<String> keys,
            @ConfigProperty(name = "eventflow.security.api-keys-file") Optional<String> file) {
        return ApiKeyPolicy.configure(enabled, keys, file);
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter(
            @ConfigProperty(name = "eventflow.security.rate-limit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "eventflow.security.rate-limit.requests-per-minute", defaultValue = "6000")
            long perMinute,
            @ConfigProperty(name = "eventflow.security.rate-limit.burst", defaultValue = "200") long burst) {
        if (!enabled) {
            LOGGER.info("Rate limits are off (eventflow.security.rate-limit.enabled=false)");
            return RateLimiter.off();
        }
        return RateLimiter.perMinute(perMinute, burst);
    }

    @Produces
    @Singleton
    AuthFailureThrottle authFailureThrottle(
            @ConfigProperty(name = "eventflow.security.auth-failures.per-minute", defaultValue = "10") long perMinute,
            @ConfigProperty(name = "eventflow.security.auth-failures.max-addresses", defaultValue = "10000")
            int maxAddresses) {
        return perMinute == 0 ? AuthFailureThrottle.off() : AuthFailureThrottle.perMinute(perMinute, maxAddresses);
    }

    // a wrong security setting stops the start here, before the server opens its port
    void checkAtStartup(@Observes @Priority(10) @Initialized(ApplicationScoped.class) Object event,
                        ApiKeyPolicy policy, RateLimiter limiter, AuthFailureThrottle throttle) {
        LOGGER.fine(() -> "Security: keys required=" + policy.required() + ", rate limit=" + limiter.enabled()
                + ", wrong keys per address and minute=" + throttle.failuresPerMinute());
    }
}
