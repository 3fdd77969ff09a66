package io.eventflow.subscriber.adapter.in.observability;

import io.eventflow.subscriber.adapter.in.messaging.SubscriberTopics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricRegistry;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/**
 * Ready once this process's consumer is a member of its stable group: it holds its partitions, or knows that the
 * others hold them all (a group with more members than partitions). Before that - while it joins, or while a
 * rebalance waits for a member that is gone - records are not being consumed here, so it is not ready. A
 * worker-only process (no Kafka connector on {@code events-in}) is ready without a consumer. Reports the lag
 * (also as the {@code kafka_consumer_lag} gauge) and warnings about topics below the configured durability.
 */
@Readiness
@ApplicationScoped
class KafkaConsumerCheck implements HealthCheck {

    private final ConsumerLagMonitor monitor;
    private final MetricRegistry registry;
    private final SubscriberTopics topics;
    private final boolean consumesKafka;
    private final String clientId;

    @Inject
    KafkaConsumerCheck(ConsumerLagMonitor monitor, MetricRegistry registry, SubscriberTopics topics, Config config) {
        this.monitor = monitor;
        this.registry = registry;
        this.topics = topics;
        this.consumesKafka = "helidon-kafka".equals(config.getOptionalValue(
                "mp.messaging.incoming.events-in.connector", String.class).orElse(""));
        this.clientId = config.getOptionalValue("mp.messaging.incoming.events-in.client.id", String.class)
                .orElse("");
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka");
        var warnings = topics.warnings();
        for (int i = 0; i < warnings.size(); i++) {
            response.withData("topic-warning-" + (i + 1), warnings.get(i));
        }
        if (topics.lastError() != null) {
            response.withData("topics", "not checked: " + topics.lastError());
        }
        try {
            response.withData("lag", monitor.lag());
            if (!consumesKafka) {
                return response.withData("consumer", "none (worker-only process)").up().build();
            }
            ConsumerLagMonitor.Membership membership = monitor.membership(clientId);
            response.withData("group-state", membership.state().toString())
                    .withData("partitions", membership.partitions())
                    .withData("group-members", membership.members())
                    .withData("group-partitions", membership.heldByGroup());
            if (!membership.assigned()) {
                return response.withData("consumer", clientId + (membership.member()
                        ? " waits for the group's rebalance" : " has not joined the group yet")).down().build();
            }
            return response.withData("consumer", clientId).up().build();
        } catch (Exception e) {
            return response.withData("error", "broker unreachable: " + e.getClass().getSimpleName()).down().build();
        }
    }
}
