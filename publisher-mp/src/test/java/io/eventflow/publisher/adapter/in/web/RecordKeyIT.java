package io.eventflow.publisher.adapter.in.web;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The record key field of an event type is configurable. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.kafka.key-field.user_analytics", value = "event_type")
class RecordKeyIT {

    @Inject
    private WebTarget target;

    @Test
    void keysRecordsByTheConfiguredField() {
        String eventType = "signup-" + UUID.randomUUID();
        int status = target.path("/api/v1/events/analytics").request().post(Entity.entity("""
                {"user_id":"u-1","event_type":"%s","timestamp":"2024-01-01T12:00:00Z"}""".formatted(eventType),
                MediaType.APPLICATION_JSON)).getStatus();
        assertThat(status).isEqualTo(202);

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "record-key-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AtomicReference<String> key = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("eventflow.events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value().contains(eventType)) {
                        key.set(r.key());
                    }
                });
                return key.get() != null;
            });
        }
        assertThat(key.get()).isEqualTo(eventType);
    }
}
