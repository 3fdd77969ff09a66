package io.eventflow.publisher.adapter.out.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.publisher.application.port.out.PublishEventPort;
import io.eventflow.publisher.application.port.out.PublishFailedException;
import io.eventflow.publisher.domain.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes events to Kafka through the {@code events-out} channel (topic {@code eventflow.topic}).
 * The returned stage completes only when the broker acknowledged the record (acks=all).
 */
@ApplicationScoped
class KafkaEventPublisher implements PublishEventPort {

    private final Emitter<String> emitter;
    private final EventRecordMapper recordMapper;
    private final long sendTimeoutMillis;

    @Inject
    KafkaEventPublisher(@Channel("events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
                        Emitter<String> emitter,
                        ObjectMapper mapper,
                        @ConfigProperty(name = "eventflow.publish.timeout-ms", defaultValue = "15000") long sendTimeoutMillis) {
        this.emitter = emitter;
        this.recordMapper = new EventRecordMapper(mapper);
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    /** False once a failed send has cancelled the channel (Helidon's connector does not reopen it). */
    boolean channelOpen() {
        return !emitter.isCancelled();
    }

    @Override
    public CompletionStage<Void> publish(OutgoingEvent event) {
        if (emitter.isCancelled()) {
            return CompletableFuture.failedFuture(
                    new PublishFailedException("The Kafka channel is closed after an earlier send failure", null));
        }
        try {
            KafkaRecordMessage message = new KafkaRecordMessage(event.key(), recordMapper.value(event),
                    recordMapper.headers(event));
            emitter.send(message);
            return message.delivered()
                    .orTimeout(sendTimeoutMillis, TimeUnit.MILLISECONDS)
                    .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                            new PublishFailedException("Kafka did not acknowledge the event", e)));
        } catch (JsonProcessingException | RuntimeException e) {
            return CompletableFuture.failedFuture(new PublishFailedException("Could not send the event to Kafka", e));
        }
    }
}
