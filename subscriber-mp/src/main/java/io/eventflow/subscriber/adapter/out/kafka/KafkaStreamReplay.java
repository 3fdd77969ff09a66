package io.eventflow.subscriber.adapter.out.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.application.port.out.StreamReplayPort;
import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.processing.domain.StreamedEvent;
import io.eventflow.kafka.TraceHeaders;
import io.eventflow.schemas.EventSchemas;
import io.eventflow.subscriber.adapter.in.messaging.EventRecordReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads one record again at its topic, partition and offset, with a short-lived consumer that joins no group and
 * commits nothing; used rarely (a job that went missing), so nothing is kept open between calls.
 */
@ApplicationScoped
class KafkaStreamReplay implements StreamReplayPort {

    private static final Logger LOGGER = Logger.getLogger(KafkaStreamReplay.class.getName());
    private static final Duration POLL_FOR = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final EventRecordReader reader;

    @Inject
    KafkaStreamReplay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper mapper,
                      EventSchemas schemas) {
        this.bootstrapServers = bootstrapServers;
        this.reader = new EventRecordReader(mapper, schemas);
    }

    @Override
    public Optional<StreamedEvent> read(StreamPosition position) {
        TopicPartition partition = new TopicPartition(position.topic(), position.partition());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, position.offset());
            long deadline = System.nanoTime() + POLL_FOR.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.offset() == position.offset()
                            ? Optional.of(new StreamedEvent(reader.read(record.key(), record.value()), position,
                                    TraceHeaders.traceParent(record.headers())))
                            : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not read record " + position + " again", e);
            return Optional.empty();
        }
    }
}
