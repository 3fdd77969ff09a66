package io.eventflow.publisher.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import io.eventflow.publisher.adapter.in.web.security.ApiKeyPolicy;
import io.eventflow.publisher.adapter.in.web.security.ApiKeys;
import io.eventflow.publisher.adapter.in.web.security.RateLimiter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wiring of API keys and rate limits from {@code eventflow.security.*}. Keys are required unless turned off
 * explicitly; with keys required and none configured the publisher refuses to start rather than run open.
 */
@ApplicationScoped
class SecurityConfiguration {

    private static final Logger LOGGER = Logger.getLogger(SecurityConfiguration.class.getName());

    @Produces
    @Singleton
    ApiKeyPolicy apiKeyPolicy(
            @ConfigProperty(name = "eventflow.security.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "eventflow.security.api-keys") Optional<String> keys,
            @ConfigProperty(name = "eventflow.security.api-keys-file") Optional<String> file) {
        if (!enabled) {
            LOGGER.warning("API keys are OFF (eventflow.security.enabled=false): anyone who reaches this port "
                    + "can publish events.");
            return ApiKeyPolicy.off();
        }
        List<String> entries = new ArrayList<>();
        keys.ifPresent(list -> entries.addAll(List.of(list.split(","))));
        file.filter(name -> !name.isBlank()).ifPresent(name -> entries.addAll(readKeyFile(Path.of(name))));
        ApiKeyPolicy policy = ApiKeyPolicy.requiring(ApiKeys.parse(entries));
        LOGGER.info(() -> "API keys required: " + policy.keys().size() + " key(s) configured");
        return policy;
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

    // a wrong security setting stops the start here, before the server opens its port
    void checkAtStartup(@Observes @Priority(10) @Initialized(ApplicationScoped.class) Object event,
                        ApiKeyPolicy policy, RateLimiter limiter) {
        LOGGER.fine(() -> "Security: keys required=" + policy.required() + ", rate limit=" + limiter.enabled());
    }

    private static List<String> readKeyFile(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API key file " + file.toAbsolutePath()
                    + " (eventflow.security.api-keys-file)", e);
        }
    }
}
