package io.eventflow.subscriber.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.eventflow.enrichment.EnrichmentFactory;
import io.eventflow.enrichment.EnrichmentMetrics;
import io.eventflow.enrichment.EnrichmentSettings;
import io.eventflow.enrichment.http.HttpSettings;
import io.eventflow.enrichment.openai.OpenAiSettings;
import io.eventflow.enrichment.resilience.ResilienceSettings;
import io.eventflow.processing.application.port.out.EnrichmentPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The "LLM service": maps {@code eventflow.enrichment.*} configuration to the enrichment module's
 * settings (keys and defaults: enrichment/README.md). Unset keys take the module's defaults.
 */
@ApplicationScoped
class EnrichmentConfiguration {

    private static final String PREFIX = "eventflow.enrichment.";

    @Produces
    @Singleton
    EnrichmentPort enrichmentPort(Config config, EnrichmentMetrics metrics) {
        Keys keys = new Keys(config);
        EnrichmentSettings settings = new EnrichmentSettings(
                keys.text("backend").orElse(EnrichmentSettings.REFERENCE),
                new OpenAiSettings(keys.text("openai.base-url").orElse(null), keys.text("openai.model").orElse(null),
                        keys.text("openai.api-key").orElse(null), keys.duration("openai.timeout"),
                        keys.number("openai.max-tokens"), keys.text("openai.response-format").orElse(null),
                        keys.flag("openai.strict-json-schema")),
                keys.text("http.url").map(url -> new HttpSettings(url, keys.text("http.api-key").orElse(null),
                        keys.duration("http.timeout"), keys.text("http.model").orElse(null))).orElse(null),
                new ResilienceSettings(keys.duration("attempt-timeout"), keys.number("max-attempts"),
                        keys.duration("initial-backoff"), keys.duration("max-backoff"),
                        keys.duration("max-retry-after"), keys.number("breaker.window"),
                        keys.number("breaker.minimum-calls"), keys.number("breaker.failure-rate"),
                        keys.duration("breaker.open-duration"),
                        keys.text("cache.size").map(Integer::parseInt).orElse(-1), keys.duration("cache.ttl")));
        return EnrichmentFactory.create(settings, Clock.systemUTC(), metrics);
    }

    /** Optional reads of {@code eventflow.enrichment.<key>}; absent numbers are 0 and durations null (= default). */
    private record Keys(Config config) {
        Optional<String> text(String key) {
            return config.getOptionalValue(PREFIX + key, String.class).filter(s -> !s.isBlank());
        }

        int number(String key) {
            return text(key).map(Integer::parseInt).orElse(0);
        }

        boolean flag(String key) {
            return text(key).map(Boolean::parseBoolean).orElse(false);
        }

        Duration duration(String key) {
            return text(key).map(Duration::parse).orElse(null);
        }
    }
}
