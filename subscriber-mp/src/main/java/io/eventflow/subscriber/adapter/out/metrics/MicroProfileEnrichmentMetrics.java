package io.eventflow.subscriber.adapter.out.metrics;

import java.time.Duration;

import io.eventflow.enrichment.EnrichmentMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Publishes the enrichment's calls, failures, fallbacks, cache hits, latency and tokens on {@code /metrics}. */
@ApplicationScoped
class MicroProfileEnrichmentMetrics implements EnrichmentMetrics {

    private final MetricRegistry registry;

    @Inject
    MicroProfileEnrichmentMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void call(String backend, String model) {
        registry.counter("enrichment_calls", new Tag("backend", backend), new Tag("model", safe(model))).inc();
    }

    @Override
    public void failure(String backend, String kind) {
        registry.counter("enrichment_failures", new Tag("backend", backend), new Tag("kind", safe(kind))).inc();
    }

    @Override
    public void fallback(String backend, String kind) {
        registry.counter("enrichment_fallbacks", new Tag("backend", backend), new Tag("kind", safe(kind))).inc();
    }

    @Override
    public void cacheHit(String backend) {
        registry.counter("enrichment_cache_hits", new Tag("backend", backend)).inc();
    }

    @Override
    public void latency(String backend, Duration latency) {
        registry.timer("enrichment_latency", new Tag("backend", backend)).update(latency);
    }

    @Override
    public void tokens(String backend, String model, long count) {
        registry.counter("enrichment_tokens", new Tag("backend", backend), new Tag("model", safe(model))).inc(count);
    }

    private static String safe(String value) {
        return value == null ? "none" : value;
    }
}
