package io.eventflow.subscriber.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness tells whether this process consumes: before the subscriber starts, another member of its group takes
 * every partition and then stops polling (a member that is gone but not yet timed out). The subscriber's join
 * then waits for that member, so it holds no partition - and is not ready - until the member leaves.
 */
@ExtendWith(Infrastructure.class)
@ExtendWith(ConsumerReadinessIT.StalledMember.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.topic", value = ConsumerReadinessIT.TOPIC)
@AddConfig(key = "mp.messaging.incoming.events-in.group.id", value = ConsumerReadinessIT.GROUP)
class ConsumerReadinessIT {

    static final String TOPIC = "readiness-it";
    static final String GROUP = "readiness-it-group";

    @Inject
    private WebTarget target;

    @Test
    void isNotReadyUntilTheConsumerHasItsPartitions() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Response response = target.path("/health/ready").request().get();
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(503);
            assertThat(body).containsAnyOf("waits for the group's rebalance", "has not joined the group yet");
        });

        StalledMember.leave();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Response response = target.path("/health/ready").request().get();
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(200);
            assertThat(body).contains("\"partitions\":3");
        });
    }

    /** A group member that took every partition of {@link #TOPIC} and stopped polling. */
    static final class StalledMember implements BeforeAllCallback {

        private static KafkaConsumer<String, String> member;

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            String servers = Infrastructure.kafkaBootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
            member = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                    ConsumerConfig.CLIENT_ID_CONFIG, "stalled-" + UUID.randomUUID(),
                    // how long the group waits for it to rejoin: longer than the test
                    ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 180_000),
                    new StringDeserializer(), new StringDeserializer());
            member.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                member.poll(Duration.ofMillis(200));
                return member.assignment().size() == 3;
            });
        }

        /** Leaves the group, so that the waiting rebalance completes. */
        static void leave() {
            member.close(Duration.ofSeconds(10));
        }
    }
}
