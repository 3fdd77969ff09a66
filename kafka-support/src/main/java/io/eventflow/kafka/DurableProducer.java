package io.eventflow.kafka;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer a service uses for records it must not lose outside the main path (dead letters, redrives): every
 * write acknowledged by all in-sync replicas, idempotent, and bounded in time so that a missing broker is an error
 * within seconds rather than a request that hangs.
 */
public final class DurableProducer {

    private DurableProducer() {
    }

    /** A producer of string keys and values to {@code bootstrapServers}, named {@code clientId} in the broker's logs. */
    public static KafkaProducer<String, String> ofStrings(String bootstrapServers, String clientId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20000),
                new StringSerializer(), new StringSerializer());
    }
}
