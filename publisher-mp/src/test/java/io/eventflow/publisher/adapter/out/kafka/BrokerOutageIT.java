package io.eventflow.publisher.adapter.out.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the real broker under the publisher: requests get 503 with Retry-After quickly and readiness goes
 * DOWN; once the broker is back the publisher accepts again without a restart, and every event that was
 * answered 202 is on the topic.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.kafka.producer.delivery.timeout.ms", value = "3000")
@AddConfig(key = "eventflow.kafka.producer.request.timeout.ms", value = "1000")
@AddConfig(key = "eventflow.kafka.producer.max.block.ms", value = "1000")
@AddConfig(key = "eventflow.kafka.producer.linger.ms", value = "0")
class BrokerOutageIT {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @Inject
    private WebTarget target;

    @Test
    void answers503DuringOutageAndRecoversWithoutRestart() {
        String userId = "outage-" + UUID.randomUUID();
        List<String> accepted = new ArrayList<>();
        Response before = post(userId);
        assertThat(before.getStatus()).isEqualTo(202);
        accepted.add(eventId(before));

        Infrastructure.stopKafka();
        try {
            long start = System.nanoTime();
            Response during = post(userId);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(during.getStatus()).isEqualTo(503);
            assertThat(during.getHeaderString("Retry-After")).isNotBlank();
            assertThat(took).isLessThan(QUICKLY);
            await().atMost(QUICKLY).until(() -> target.path("/health/ready").request().get().getStatus() == 503);
        } finally {
            Infrastructure.startKafka();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response after = post(userId);
            if (after.getStatus() == 202) {
                accepted.add(eventId(after));
                return true;
            }
            return false;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> target.path("/health/ready").request().get().getStatus() == 200);
        assertThat(eventIdsOnTopicFor(userId)).containsAll(accepted);
    }

    private Response post(String userId) {
        return target.path("/api/v1/events/analytics").request().post(Entity.entity("""
                {"user_id":"%s","event_type":"click","timestamp":"2024-01-01T12:00:00Z"}""".formatted(userId),
                MediaType.APPLICATION_JSON));
    }

    private static String eventId(Response response) {
        return (String) response.readEntity(Map.class).get("event_id");
    }

    private static Set<String> eventIdsOnTopicFor(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("eventflow.events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    var header = r.headers().lastHeader("event-id");
                    if (key.equals(r.key()) && header != null) {
                        ids.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                });
                return ids.size() >= 2;
            });
        }
        return ids;
    }
}
