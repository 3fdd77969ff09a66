package io.eventflow.subscriber.adapter.in.observability;

import io.eventflow.subscriber.adapter.in.messaging.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while consumption can go on. DOWN once it has stopped for good - a batch that could not be handled, a
 * stream that failed (a record the connector could not read, a broken channel) or completed while the service
 * runs - because only a restart starts it again: the supervisor (Kubernetes, {@code ./eventflow run}) does that.
 */
@Liveness
@ApplicationScoped
class ConsumerLivenessCheck implements HealthCheck {

    private final EventConsumer consumer;

    @Inject
    ConsumerLivenessCheck(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("consumer");
        return consumer.failure()
                .map(reason -> response.withData("stopped", reason + "; restart the process").down().build())
                .orElseGet(() -> response.up().build());
    }
}
