package io.eventflow.enrichment;

import java.time.Clock;
import java.util.Objects;

import io.eventflow.enrichment.backend.EnrichmentBackend;
import io.eventflow.enrichment.http.HttpEnrichmentAdapter;
import io.eventflow.enrichment.openai.OpenAiEnrichmentAdapter;
import io.eventflow.enrichment.reference.ReferenceEnrichmentAdapter;
import io.eventflow.enrichment.resilience.ResilientEnrichment;
import io.eventflow.enrichment.resilience.Sleeper;
import io.eventflow.processing.application.port.out.EnrichmentPort;

/**
 * Builds the configured {@link EnrichmentPort}. {@code reference} is used as is; {@code openai} and
 * {@code http} are wrapped in {@link ResilientEnrichment} (cache, retries, circuit breaker, reference fallback).
 *
 * <table>
 * <caption>Settings (proposed config key under {@code eventflow.enrichment.}, default)</caption>
 * <tr><th>record component</th><th>key</th><th>default</th></tr>
 * <tr><td>backend</td><td>backend</td><td>reference</td></tr>
 * <tr><td>openai.baseUrl</td><td>openai.base-url</td><td>https://api.openai.com/v1</td></tr>
 * <tr><td>openai.model</td><td>openai.model</td><td>gpt-4o-mini</td></tr>
 * <tr><td>openai.apiKey</td><td>openai.api-key</td><td>none (secret: from the environment)</td></tr>
 * <tr><td>openai.timeout</td><td>openai.timeout</td><td>PT30S</td></tr>
 * <tr><td>openai.maxTokens</td><td>openai.max-tokens</td><td>400</td></tr>
 * <tr><td>openai.responseFormat</td><td>openai.response-format</td><td>json_schema (or json_object)</td></tr>
 * <tr><td>openai.strictJsonSchema</td><td>openai.strict-json-schema</td><td>false</td></tr>
 * <tr><td>http.url</td><td>http.url</td><td>none; required for backend=http</td></tr>
 * <tr><td>http.apiKey</td><td>http.api-key</td><td>none</td></tr>
 * <tr><td>http.timeout</td><td>http.timeout</td><td>PT30S</td></tr>
 * <tr><td>http.model</td><td>http.model</td><td>extract-properties</td></tr>
 * <tr><td>resilience.attemptTimeout</td><td>attempt-timeout</td><td>PT30S</td></tr>
 * <tr><td>resilience.maxAttempts</td><td>max-attempts</td><td>3</td></tr>
 * <tr><td>resilience.initialBackoff</td><td>initial-backoff</td><td>PT0.5S</td></tr>
 * <tr><td>resilience.maxBackoff</td><td>max-backoff</td><td>PT8S</td></tr>
 * <tr><td>resilience.maxRetryAfter</td><td>max-retry-after</td><td>PT30S</td></tr>
 * <tr><td>resilience.breakerWindow</td><td>breaker.window</td><td>10</td></tr>
 * <tr><td>resilience.breakerMinimumCalls</td><td>breaker.minimum-calls</td><td>5</td></tr>
 * <tr><td>resilience.breakerFailureRate</td><td>breaker.failure-rate</td><td>50 (percent)</td></tr>
 * <tr><td>resilience.breakerOpenDuration</td><td>breaker.open-duration</td><td>PT60S</td></tr>
 * <tr><td>resilience.cacheSize</td><td>cache.size</td><td>1000 (0 = off)</td></tr>
 * <tr><td>resilience.cacheTtl</td><td>cache.ttl</td><td>PT24H</td></tr>
 * </table>
 */
public final class EnrichmentFactory {

    private EnrichmentFactory() {
    }

    /** The configured port; {@code clock} stamps results and times the breaker and cache. */
    public static EnrichmentPort create(EnrichmentSettings settings, Clock clock, EnrichmentMetrics metrics) {
        return create(settings, clock, metrics, Sleeper.SYSTEM);
    }

    /** As {@link #create(EnrichmentSettings, Clock, EnrichmentMetrics)}, with the waits between retries injected. */
    public static EnrichmentPort create(EnrichmentSettings settings, Clock clock, EnrichmentMetrics metrics,
                                        Sleeper sleeper) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        EnrichmentMetrics listener = metrics == null ? EnrichmentMetrics.NONE : metrics;
        ReferenceEnrichmentAdapter reference = new ReferenceEnrichmentAdapter(clock);
        EnrichmentBackend primary = switch (settings.backend()) {
            case EnrichmentSettings.OPENAI -> new OpenAiEnrichmentAdapter(settings.openai(), clock);
            case EnrichmentSettings.HTTP -> new HttpEnrichmentAdapter(settings.http(), clock);
            default -> null;
        };
        return primary == null ? reference
                : new ResilientEnrichment(primary, reference, settings.resilience(), clock, listener, sleeper);
    }
}
