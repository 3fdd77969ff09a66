package io.eventflow.enrichment;

import java.util.Locale;
import java.util.Set;

import io.eventflow.enrichment.http.HttpSettings;
import io.eventflow.enrichment.openai.OpenAiSettings;
import io.eventflow.enrichment.resilience.ResilienceSettings;

/**
 * Which back end enriches chemical events, and its knobs; see {@link EnrichmentFactory} for every setting
 * and its default. Null parts take their defaults.
 *
 * @param backend    {@code reference} (default), {@code openai} or {@code http}
 * @param openai     used when {@code backend} is {@code openai}
 * @param http       used when {@code backend} is {@code http}; required then
 * @param resilience retries, breaker and cache in front of {@code openai} or {@code http}
 */
public record EnrichmentSettings(String backend, OpenAiSettings openai, HttpSettings http,
                                 ResilienceSettings resilience) {

    /** The network-free default back end. */
    public static final String REFERENCE = "reference";
    /** An OpenAI-compatible chat-completions server. */
    public static final String OPENAI = "openai";
    /** The old HTTP enrichment service. */
    public static final String HTTP = "http";

    /** Applies the defaults and fails fast on a configuration that cannot work. */
    public EnrichmentSettings {
        backend = backend == null || backend.isBlank() ? REFERENCE : backend.strip().toLowerCase(Locale.ROOT);
        if (!Set.of(REFERENCE, OPENAI, HTTP).contains(backend)) {
            throw new IllegalArgumentException("enrichment backend must be reference, openai or http, was " + backend);
        }
        if (HTTP.equals(backend) && http == null) {
            throw new IllegalArgumentException("the http enrichment backend needs its url");
        }
        openai = openai == null ? OpenAiSettings.defaults() : openai;
        resilience = resilience == null ? ResilienceSettings.defaults() : resilience;
    }

    /** The default: the reference table with CDK chemistry, no network. */
    public static EnrichmentSettings defaults() {
        return new EnrichmentSettings(REFERENCE, null, null, null);
    }
}
