package io.eventflow.publisher.adapter.out.kafka;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import io.helidon.messaging.connectors.kafka.KafkaMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * An outgoing Kafka record with a key and headers whose {@link #delivered()} stage reports the broker's
 * verdict: the connector acks the message on the broker's acknowledgement and nacks it on failure.
 * (Helidon's own {@code KafkaMessage.of} has no nack, and {@code withAck} drops the key.)
 */
final class KafkaRecordMessage implements KafkaMessage<String, String> {

    private final String key;
    private final String value;
    private final Headers headers;
    private final CompletableFuture<Void> delivered = new CompletableFuture<>();

    KafkaRecordMessage(String key, String value, Headers headers) {
        this.key = key;
        this.value = value;
        this.headers = headers;
    }

    /** Completes when the broker has the record, exceptionally when sending it failed. */
    CompletableFuture<Void> delivered() {
        return delivered;
    }

    @Override
    public String getPayload() {
        return value;
    }

    @Override
    public Optional<String> getKey() {
        return Optional.ofNullable(key);
    }

    @Override
    public Headers getHeaders() {
        return headers;
    }

    @Override
    public CompletionStage<Void> ack() {
        delivered.complete(null);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> nack(Throwable reason) {
        delivered.completeExceptionally(reason);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Supplier<CompletionStage<Void>> getAck() {
        return this::ack;
    }

    @Override
    public Function<Throwable, CompletionStage<Void>> getNack() {
        return this::nack;
    }

    @Override
    public Optional<String> getTopic() {
        return Optional.empty();
    }

    @Override
    public Optional<Integer> getPartition() {
        return Optional.empty();
    }

    @Override
    public Optional<Long> getOffset() {
        return Optional.empty();
    }

    @Override
    public Optional<ConsumerRecord<String, String>> getConsumerRecord() {
        return Optional.empty();
    }
}
