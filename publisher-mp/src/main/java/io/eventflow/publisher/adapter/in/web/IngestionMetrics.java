package io.eventflow.publisher.adapter.in.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts accepted, rejected and failed events per type and times publishing, on {@code /metrics}. */
@ApplicationScoped
class IngestionMetrics {

    private final MetricRegistry registry;

    @Inject
    IngestionMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The broker acknowledged the event. */
    void accepted(String type, Duration latency) {
        registry.counter("events_accepted", new Tag("type", type)).inc();
        registry.timer("events_publish_latency", new Tag("type", type)).update(latency);
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
