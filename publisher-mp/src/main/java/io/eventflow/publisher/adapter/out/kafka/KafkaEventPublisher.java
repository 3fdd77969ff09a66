package io.eventflow.publisher.adapter.out.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.publisher.application.port.out.PublishEventPort;
import io.eventflow.publisher.application.port.out.PublishFailedException;
import io.eventflow.publisher.domain.OutgoingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Publishes events to Kafka through a reactive messaging channel (topic {@code eventflow.topic}, producer
 * settings {@code eventflow.kafka.producer.*}). The returned stage completes only when the broker
 * acknowledged the record (acks=all); after a broker outage the channel rebuilds itself.
 */
@ApplicationScoped
class KafkaEventPublisher implements PublishEventPort {

    private static final String PRODUCER_PREFIX = "eventflow.kafka.producer.";

    private final RecoverableKafkaChannel channel;
    private final EventRecordMapper recordMapper;
    private final long sendTimeoutMillis;

    @Inject
    KafkaEventPublisher(Config config, ObjectMapper mapper) {
        this.channel = new RecoverableKafkaChannel(config.getValue("kafka.bootstrap.servers", String.class),
                config.getValue("eventflow.topic", String.class), producerProperties(config),
                Duration.ofMillis(config.getValue("eventflow.publish.rebuild-interval-ms", Long.class)),
                config.getValue("eventflow.publish.max-in-flight", Integer.class));
        this.recordMapper = new EventRecordMapper(mapper);
        this.sendTimeoutMillis = config.getValue("eventflow.publish.timeout-ms", Long.class);
    }

    /** False while the channel is down after a failed send (until it is rebuilt). */
    boolean channelOpen() {
        return channel.isOpen();
    }

    @Override
    public CompletionStage<Void> publish(OutgoingEvent event) {
        try {
            KafkaRecordMessage message = new KafkaRecordMessage(event.key(), recordMapper.value(event),
                    recordMapper.headers(event));
            if (!channel.send(message)) {
                return CompletableFuture.failedFuture(
                        new PublishFailedException("The Kafka channel is recovering from a failed send", null));
            }
            return message.delivered()
                    .orTimeout(sendTimeoutMillis, TimeUnit.MILLISECONDS)
                    .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                            new PublishFailedException("Kafka did not acknowledge the event", e)));
        } catch (JsonProcessingException | RuntimeException e) {
            return CompletableFuture.failedFuture(new PublishFailedException("Could not send the event to Kafka", e));
        }
    }

    @PreDestroy
    void close() {
        channel.close();
    }

    private static Map<String, String> producerProperties(Config config) {
        Map<String, String> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PRODUCER_PREFIX)) {
                properties.put(name.substring(PRODUCER_PREFIX.length()), config.getValue(name, String.class));
            }
        }
        return properties;
    }
}
