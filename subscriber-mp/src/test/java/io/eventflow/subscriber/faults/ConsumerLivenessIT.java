package io.eventflow.subscriber.faults;

import java.time.Duration;
import java.util.Map;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Liveness goes DOWN when consumption stops for good. The stop is real: the channel reads values as integers
 * here, so a record of three bytes fails inside the connector's poll, which ends the stream for good - as any
 * record the connector cannot read, or a channel that breaks, does.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.topic", value = ConsumerLivenessIT.TOPIC)
@AddConfig(key = "mp.messaging.incoming.events-in.value.deserializer",
        value = "org.apache.kafka.common.serialization.IntegerDeserializer")
class ConsumerLivenessIT {

    static final String TOPIC = "liveness-it";

    @Inject
    private WebTarget target;

    @Test
    void livenessGoesDownWhenConsumptionStopsForGood() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(target.path("/health/live").request().get().getStatus()).isEqualTo(200));

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, new byte[] {1, 2, 3})).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Response response = target.path("/health/live").request().get();
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(503);
            assertThat(body).contains("\"name\":\"consumer\"").contains("the stream failed");
        });
    }
}
