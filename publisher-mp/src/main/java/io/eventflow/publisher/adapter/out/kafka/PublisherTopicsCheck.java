package io.eventflow.publisher.adapter.out.kafka;

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

    private static final Logger LOGGER = Logger.getLogger(PublisherTopicsCheck.class.getName());
    /** A failed start is retried when health asks, at most this often (each try can wait seconds for the broker). */
    private static final Duration RETRY_EVERY = Duration.ofSeconds(30);

    private final boolean provision;
    private final TopicSpec events;
    private final Admin admin;
    private final TopicProvisioner provisioner;
    private volatile List<TopicReport> reports;
    private volatile String lastError = "not checked yet";
    private volatile long lastAttempt = System.nanoTime() - RETRY_EVERY.toNanos();

    @Inject
    PublisherTopicsCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         @ConfigProperty(name = "eventflow.topic") String topic,
                         @ConfigProperty(name = "eventflow.topics.provision", defaultValue = "true") boolean provision,
                         @ConfigProperty(name = "eventflow.topics.partitions", defaultValue = "3") int partitions,
                         @ConfigProperty(name = "eventflow.topics.replication-factor", defaultValue = "1")
                         short replicationFactor,
                         @ConfigProperty(name = "eventflow.topics.min-insync-replicas", defaultValue = "1")
                         int minInsyncReplicas) {
        this.provision = provision;
        this.events = new TopicSpec(topic, partitions, replicationFactor, minInsyncReplicas);
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        this.provisioner = new TopicProvisioner(admin, Duration.ofSeconds(5));
    }

    void onStart(@Observes @Priority(APPLICATION - 10) @Initialized(ApplicationScoped.class) Object event) {
        provisionTopic();
    }

    private void provisionTopic() {
        if (!provision) {
            lastError = null;
            return;
        }
        lastAttempt = System.nanoTime();
        try {
            reports = List.of(provisioner.ensure(events));
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOGGER.log(Level.WARNING, "Could not create or check topic " + events.name()
                    + "; trying again when health is asked", e);
        }
    }

    @Override
    public HealthCheckResponse call() {
        if (provision && reports == null && System.nanoTime() - lastAttempt > RETRY_EVERY.toNanos()) {
            provisionTopic();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-topics").up();
        if (lastError != null) {
            response.withData("topics", "not checked: " + lastError);
        }
        List<String> warnings = reports == null ? List.of()
                : reports.stream().flatMap(r -> r.warnings().stream()).toList();
        for (int i = 0; i < warnings.size(); i++) {
            response.withData("topic-warning-" + (i + 1), warnings.get(i));
        }
        return response.build();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
