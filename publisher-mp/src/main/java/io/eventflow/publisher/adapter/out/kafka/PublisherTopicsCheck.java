package io.eventflow.publisher.adapter.out.kafka;

import java.util.List;

import io.eventflow.kafka.ProvisionedTopics;
import io.eventflow.kafka.TopicProvisioner.TopicSpec;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/**
 * Creates the events topic at start when it is missing (partitions, replication factor, {@code min.insync.replicas}
 * from {@code eventflow.topics.*}) and checks it when it exists; a topic below the configured durability is logged
 * as a warning and shown in {@code /health/ready} (check {@code kafka-topics}, UP: a warning, not an outage). A
 * start while the broker is away is retried the next time health asks.
 */
@Readiness
@ApplicationScoped
class PublisherTopicsCheck implements HealthCheck {

    private final ProvisionedTopics topics;

    @Inject
    PublisherTopicsCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         @ConfigProperty(name = "eventflow.topic") String topic,
                         @ConfigProperty(name = "eventflow.topics.provision", defaultValue = "true") boolean provision,
                         @ConfigProperty(name = "eventflow.topics.partitions", defaultValue = "3") int partitions,
                         @ConfigProperty(name = "eventflow.topics.replication-factor", defaultValue = "1")
                         short replicationFactor,
                         @ConfigProperty(name = "eventflow.topics.min-insync-replicas", defaultValue = "1")
                         int minInsyncReplicas) {
        this.topics = new ProvisionedTopics(bootstrapServers, provision,
                List.of(new TopicSpec(topic, partitions, replicationFactor, minInsyncReplicas)));
    }

    void onStart(@Observes @Priority(APPLICATION - 10) @Initialized(ApplicationScoped.class) Object event) {
        topics.provision();
    }

    @Override
    public HealthCheckResponse call() {
        List<String> warnings = topics.warnings();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics").up();
        if (topics.lastError() != null) {
            response.withData("topics", "not checked: " + topics.lastError());
        }
        for (int i = 0; i < warnings.size(); i++) {
            response.withData("topic-warning-" + (i + 1), warnings.get(i));
        }
        return response.build();
    }

    @PreDestroy
    void close() {
        topics.close();
    }
}
