package io.eventflow.publisher.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import io.eventflow.testing.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/** Reads the events topic from the start in tests: every record with a given key, up to a record that ends the wait. */
final class TopicProbe {

    private static final String TOPIC = "eventflow.events";

    private TopicProbe() {
    }

    /**
     * Every record with this key, read until one matches {@code last}. Records of one key share a partition, so
     * once the last one sent is seen, every earlier one with the key has been seen too.
     */
    static List<ConsumerRecord<String, String>> recordsWithKeyUntil(String key,
                                                                    Predicate<ConsumerRecord<String, String>> last) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.stream().anyMatch(last);
            });
        }
        return found;
    }

    /** The first record with this key. */
    static ConsumerRecord<String, String> firstWithKey(String key) {
        return recordsWithKeyUntil(key, r -> true).get(0);
    }

    /** A header's value as text, or null. */
    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "publisher-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
