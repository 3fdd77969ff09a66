package io.eventflow.subscriber.adapter.in.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.kafka.DurableProducer;
import io.helidon.messaging.connectors.kafka.KafkaMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes poison records to the dead-letter topic (headers {@code dlq-error}, {@code dlq-error-msg},
 * {@code dlq-orig-topic}, {@code dlq-orig-partition}, {@code dlq-orig-offset}) with its own producer, and retries
 * a failed write with backoff until it succeeds, re-creating the topic when it went missing. The returned stage
 * completes only once the broker has the record, so the consumer acks the original no earlier: a dead-letter
 * outage holds back that record's commit, never the channel (the connector's {@code nack-dlq} instead kills the
 * whole channel when one write fails).
 */
@ApplicationScoped
class DeadLetterPublisher {

    private static final Logger LOGGER = Logger.getLogger(DeadLetterPublisher.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final SubscriberTopics topics;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("eventflow-dead-letters").daemon().factory());
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean closed;

    @Inject
    DeadLetterPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        SubscriberTopics topics) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
    }

    /** Sends the record to the dead-letter topic; completes once it is stored there, however long that takes. */
    CompletionStage<Void> publish(KafkaMessage<String, String> message, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.deadLetterTopic(),
                message.getKey().orElse(null), message.getPayload());
        for (Header header : message.getHeaders()) {
            record.headers().add(header);
        }
        header(record, "dlq-error", PoisonRecordException.class.getName());
        header(record, "dlq-error-msg", reason);
        message.getTopic().ifPresent(t -> header(record, "dlq-orig-topic", t));
        message.getPartition().ifPresent(p -> header(record, "dlq-orig-partition", p));
        message.getOffset().ifPresent(o -> header(record, "dlq-orig-offset", o));
        CompletableFuture<Void> written = new CompletableFuture<>();
        waiting.incrementAndGet();
        written.whenComplete((ok, failure) -> waiting.decrementAndGet());
        // sends run on the retry thread: a send can block on missing metadata, the consumer's thread must not
        retries.execute(() -> attempt(record, written, 0));
        return written;
    }

    /** Dead-letter writes not yet stored by the broker. */
    int waiting() {
        return waiting.get();
    }

    private void attempt(ProducerRecord<String, String> record, CompletableFuture<Void> written, int failures) {
        if (closed) {
            written.completeExceptionally(new IllegalStateException("shutting down; the record is redelivered"));
            return;
        }
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    if (failures > 0) {
                        LOGGER.info(() -> "Dead-lettered " + origin(record) + " after " + failures + " failed writes");
                    }
                    written.complete(null);
                } else {
                    retryLater(record, written, failures + 1, failure);
                }
            });
        } catch (RuntimeException e) {
            retryLater(record, written, failures + 1, e);
        }
    }

    private void retryLater(ProducerRecord<String, String> record, CompletableFuture<Void> written, int failures,
                            Throwable failure) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 6));
        Duration delay = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        if (failures == 1 || failures % 10 == 0) {
            LOGGER.log(Level.WARNING, "Could not write " + origin(record) + " to dead-letter topic " + record.topic()
                    + " (failure " + failures + "); its commit waits, later records go on; retrying every "
                    + delay.toSeconds() + " s at most", failure);
        }
        try {
            retries.schedule(() -> {
                if (failure instanceof UnknownTopicOrPartitionException || failure instanceof TimeoutException) {
                    ensureTopic();
                }
                attempt(record, written, failures);
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            written.completeExceptionally(e);
        }
    }

    private void ensureTopic() {
        try {
            topics.ensureDeadLetterTopic();
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not re-create the dead-letter topic", e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = DurableProducer.ofStrings(bootstrapServers, "eventflow-dead-letters");
        }
        return producer;
    }

    private static String origin(ProducerRecord<String, String> record) {
        return header(record, "dlq-orig-topic") + "-" + header(record, "dlq-orig-partition") + "@"
                + header(record, "dlq-orig-offset");
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, Object value) {
        record.headers().remove(name);
        record.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        closed = true;
        retries.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
