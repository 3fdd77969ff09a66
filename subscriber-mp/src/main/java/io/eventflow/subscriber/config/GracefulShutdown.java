package io.eventflow.subscriber.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.subscriber.adapter.in.messaging.EventConsumer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.eclipse.microprofile.config.Config;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/**
 * The subscriber's drain on SIGTERM, in order: the consumer stops taking records, finishes the batch in hand
 * and waits for its commit (here, before the Kafka connector's own stop, which runs at the default priority);
 * then JobRunr lets running jobs finish within {@code eventflow.shutdown.grace-seconds}
 * ({@link JobRunrLifecycle}); the connector closes the consumer, which leaves its group; and a static member
 * ({@code eventflow.consumer.instance-id}), which Kafka keeps in the group after a close, is removed explicitly
 * so that its partitions move to the other members at once.
 */
@ApplicationScoped
class GracefulShutdown {

    private static final Logger LOGGER = Logger.getLogger(GracefulShutdown.class.getName());

    private final EventConsumer consumer;
    private final Config config;
    private final Duration grace;

    @Inject
    GracefulShutdown(EventConsumer consumer, Config config) {
        this.consumer = consumer;
        this.config = config;
        this.grace = Duration.ofSeconds(config.getOptionalValue("eventflow.shutdown.grace-seconds", Integer.class)
                .orElse(20));
    }

    void drainConsumer(@Observes @Priority(APPLICATION - 100) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        LOGGER.info(() -> "Stopping: the consumer takes no more records; jobs get up to " + grace.toSeconds()
                + " s to finish");
        consumer.drain(grace.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : grace);
    }

    @PreDestroy
    void leaveGroupAsStaticMember() {
        Optional<String> instanceId = config.getOptionalValue("mp.messaging.incoming.events-in.group.instance.id",
                String.class);
        Optional<String> servers = config.getOptionalValue("kafka.bootstrap.servers", String.class);
        Optional<String> group = config.getOptionalValue("mp.messaging.incoming.events-in.group.id", String.class);
        if (instanceId.isEmpty() || servers.isEmpty() || group.isEmpty() || !consumesKafka()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.get(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            admin.removeMembersFromConsumerGroup(group.get(), new RemoveMembersFromConsumerGroupOptions(
                    List.of(new MemberToRemove(instanceId.get())))).all().get(3, TimeUnit.SECONDS);
            LOGGER.info(() -> "Left consumer group " + group.get() + " as static member " + instanceId.get());
        } catch (Exception e) {
            LOGGER.log(Level.INFO, "Could not remove static member " + instanceId.get() + " from group " + group.get()
                    + "; its partitions move after session.timeout.ms, or at once when it restarts", e);
        }
    }

    private boolean consumesKafka() {
        return "helidon-kafka".equals(config.getOptionalValue("mp.messaging.incoming.events-in.connector",
                String.class).orElse(""));
    }
}
