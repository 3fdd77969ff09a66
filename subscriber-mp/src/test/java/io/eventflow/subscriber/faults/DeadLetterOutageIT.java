package io.eventflow.subscriber.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead-letter topic that refuses writes - here it takes no record over 100 bytes, as a topic that is missing
 * on a broker without auto-creation, or one the service may not write to, refuses them all - does not stop the
 * events that follow the poison record; the poison record reaches the topic once it accepts writes again.
 */
@ExtendWith(Infrastructure.class)
@ExtendWith(DeadLetterOutageIT.RefusingDeadLetterTopic.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.topic", value = DeadLetterOutageIT.TOPIC)
@AddConfig(key = "eventflow.dead-letter-topic", value = DeadLetterOutageIT.DEAD_LETTERS)
class DeadLetterOutageIT {

    static final String TOPIC = "dlq-outage-it";
    static final String DEAD_LETTERS = "dlq-outage-it.dlq";
    private static final Duration PROCESSING = Duration.ofSeconds(60);

    @Inject
    private WebTarget target;

    @Test
    void aDeadLetterTopicThatRefusesWritesDoesNotStopConsumption() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        String poison = "not json " + "x".repeat(500);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, poisonKey, poison)).get();
            sendAndAwaitStored(producer);
            // by now the dead-letter write has failed: the connector's nack-dlq would have ended the channel here
            await().atMost(PROCESSING).untilAsserted(() -> assertThat(target.path("/health/ready").request().get()
                    .readEntity(String.class)).contains("\"dead-letters-waiting\":1"));
            sendAndAwaitStored(producer);
        }
        assertThat(target.path("/health/live").request().get().getStatus()).isEqualTo(200);

        RefusingDeadLetterTopic.acceptWrites();

        ConsumerRecord<String, String> dead = awaitDeadLetter(poisonKey);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(new String(dead.headers().lastHeader("dlq-error-msg").value(), StandardCharsets.UTF_8))
                .contains("not JSON");
        await().atMost(PROCESSING).untilAsserted(() -> assertThat(target.path("/health/ready").request()
                .get().readEntity(String.class)).contains("\"dead-letters-waiting\":0"));
    }

    private void sendAndAwaitStored(KafkaProducer<String, String> producer) throws Exception {
        String user = "after-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(TOPIC, user, """
                {"type":"user_analytics","event_id":"%s","user_id":"%s","event_type":"login",
                 "timestamp":"2024-01-01T12:00:00Z"}""".formatted(UUID.randomUUID(), user))).get();
        await().atMost(PROCESSING).until(() -> !((List<?>) target.path("/api/v1/events/user/" + user).request()
                .get(Map.class).get("events")).isEmpty());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer());
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            Collection<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(PROCESSING).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.iterator().next();
        }
    }

    /** Creates the dead-letter topic before the subscriber starts, refusing every record over 100 bytes. */
    static final class RefusingDeadLetterTopic implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            try (Admin admin = admin()) {
                admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 1, (short) 1)
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100")))).all().get();
            }
        }

        /** Lets the topic take records of up to 1 MiB again. */
        static void acceptWrites() throws Exception {
            try (Admin admin = admin()) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, DEAD_LETTERS);
                admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048576"),
                        AlterConfigOp.OpType.SET)))).all().get();
            }
        }

        private static Admin admin() {
            return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Infrastructure.kafkaBootstrapServers()));
        }
    }
}
