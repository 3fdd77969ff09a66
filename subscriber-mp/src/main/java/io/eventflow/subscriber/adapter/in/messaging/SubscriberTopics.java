package io.eventflow.subscriber.adapter.in.messaging;

import java.util.List;

import io.eventflow.kafka.ProvisionedTopics;
import io.eventflow.kafka.TopicProvisioner.TopicReport;
import io.eventflow.kafka.TopicProvisioner.TopicSpec;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/**
 * The events and dead-letter topics: created at start when missing (partitions, replication factor and
 * {@code min.insync.replicas} from {@code eventflow.topics.*}), checked when they exist. What was found stays
 * here for health; a start while the broker is away is retried the next time health asks.
 */
@ApplicationScoped
public class SubscriberTopics {

    private final TopicSpec deadLetters;
    private final ProvisionedTopics topics;

    /** Creates the bean; nothing is contacted before {@link #provisionAll()}. */
    @Inject
    public SubscriberTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "eventflow.topic") String topic,
                            @ConfigProperty(name = "eventflow.dead-letter-topic") String deadLetterTopic,
                            @ConfigProperty(name = "eventflow.topics.provision", defaultValue = "true") boolean provision,
                            @ConfigProperty(name = "eventflow.topics.partitions", defaultValue = "3") int partitions,
                            @ConfigProperty(name = "eventflow.topics.replication-factor", defaultValue = "1")
                            short replicationFactor,
                            @ConfigProperty(name = "eventflow.topics.min-insync-replicas", defaultValue = "1")
                            int minInsyncReplicas) {
        TopicSpec events = new TopicSpec(topic, partitions, replicationFactor, minInsyncReplicas);
        this.deadLetters = new TopicSpec(deadLetterTopic, partitions, replicationFactor, minInsyncReplicas);
        this.topics = new ProvisionedTopics(bootstrapServers, provision, List.of(events, deadLetters));
    }

    void onStart(@Observes @Priority(APPLICATION - 10) @Initialized(ApplicationScoped.class) Object event) {
        provisionAll();
    }

    /** Creates or checks both topics; a failure is logged and kept for health, never thrown. */
    public List<TopicReport> provisionAll() {
        return topics.provision();
    }

    /** Creates the dead-letter topic if it went missing; throws when the broker refuses. */
    void ensureDeadLetterTopic() {
        topics.ensure(deadLetters);
    }

    /** The dead-letter topic's name. */
    String deadLetterTopic() {
        return deadLetters.name();
    }

    /** Warnings about existing topics below the configured durability; empty when all is well. */
    public List<String> warnings() {
        return topics.warnings();
    }

    /** Why the topics could not be checked, or null once they were (or provisioning is off). */
    public String lastError() {
        return topics.lastError();
    }

    @PreDestroy
    void close() {
        topics.close();
    }
}
