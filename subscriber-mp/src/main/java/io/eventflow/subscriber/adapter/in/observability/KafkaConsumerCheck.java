package io.eventflow.subscriber.adapter.in.observability;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricRegistry;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/** Ready while the broker answers; reports the consumer lag, also as the {@code kafka_consumer_lag} gauge. */
@Readiness
@ApplicationScoped
class KafkaConsumerCheck implements HealthCheck {

    private final ConsumerLagMonitor monitor;
    private final MetricRegistry registry;

    @Inject
    KafkaConsumerCheck(ConsumerLagMonitor monitor, MetricRegistry registry) {
        this.monitor = monitor;
        this.registry = registry;
    }

    void register(@Observes @Priority(APPLICATION) @Initialized(ApplicationScoped.class) Object event) {
        registry.gauge("kafka_consumer_lag", () -> {
            try {
                return monitor.lag();
            } catch (Exception e) {
                return -1L;
            }
        });
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("kafka").withData("lag", monitor.lag()).up().build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka")
                    .withData("error", "broker unreachable: " + e.getClass().getSimpleName()).down().build();
        }
    }
}
