package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.kafka.TopicProvisioner;
import io.eventflow.kafka.TopicProvisioner.TopicReport;
import io.eventflow.kafka.TopicProvisioner.TopicSpec;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/**
 * The events and dead-letter topics: created at start when missing (partitions, replication factor and
 * {@code min.insync.replicas} from {@code eventflow.topics.*}), checked when they exist. What was found stays
 * here for health; a start while the broker is away is retried the next time health asks.
 */
@ApplicationScoped
public class SubscriberTopics {

    private static final Logger LOGGER = Logger.getLogger(SubscriberTopics.class.getName());

    private final boolean provision;
    private final TopicSpec events;
    private final TopicSpec deadLetters;
    private final Admin admin;
    private final TopicProvisioner provisioner;
    private volatile List<TopicReport> reports;
    private volatile String lastError = "not checked yet";

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
        this.provision = provision;
        this.events = new TopicSpec(topic, partitions, replicationFactor, minInsyncReplicas);
        this.deadLetters = new TopicSpec(deadLetterTopic, partitions, replicationFactor, minInsyncReplicas);
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        this.provisioner = new TopicProvisioner(admin, Duration.ofSeconds(5));
    }

    void onStart(@Observes @Priority(APPLICATION - 10) @Initialized(ApplicationScoped.class) Object event) {
        provisionAll();
    }

    /** Creates or checks both topics; a failure is logged and kept for health, never thrown. */
    public List<TopicReport> provisionAll() {
        if (!provision) {
            lastError = null;
            return List.of();
        }
        try {
            reports = provisioner.ensureAll(List.of(events, deadLetters));
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOGGER.log(Level.WARNING, "Could not create or check the topics " + events.name() + " and "
                    + deadLetters.name() + "; trying again when health is asked", e);
        }
        return reports == null ? List.of() : reports;
    }

    /** Creates the dead-letter topic if it went missing; throws when the broker refuses. */
    void ensureDeadLetterTopic() {
        provisioner.ensure(deadLetters);
    }

    /** The dead-letter topic's name. */
    String deadLetterTopic() {
        return deadLetters.name();
    }

    /** Warnings about existing topics below the configured durability; empty when all is well. */
    public List<String> warnings() {
        if (provision && reports == null) {
            provisionAll();
        }
        List<TopicReport> current = reports;
        return current == null ? List.of() : current.stream().flatMap(r -> r.warnings().stream()).toList();
    }

    /** Why the topics could not be checked, or null once they were (or provisioning is off). */
    public String lastError() {
        return lastError;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
