package io.eventflow.publisher.adapter.in.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** Counts accepted, rejected and failed events per type and times publishing, on {@code /metrics}. */
@ApplicationScoped
class IngestionMetrics {

    private final MetricRegistry registry;
    // the registry's own lookup builds a metric id per call; a type's metrics are looked up once
    private final Map<String, Counter> acceptedByType = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencyByType = new ConcurrentHashMap<>();

    @Inject
    IngestionMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The broker acknowledged the event. */
    void accepted(String type, Duration latency) {
        acceptedByType.computeIfAbsent(type, t -> registry.counter("events_accepted", new Tag("type", t))).inc();
        latencyByType.computeIfAbsent(type, t -> registry.timer("events_publish_latency", new Tag("type", t)))
                .update(latency);
    }

    /** The event was invalid (422). */
    void rejected(String type) {
        registry.counter("events_rejected", new Tag("type", type)).inc();
    }

    /** The broker did not take the event (503). */
    void failed(String type) {
        registry.counter("events_failed", new Tag("type", type)).inc();
    }
}
