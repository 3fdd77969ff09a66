package io.eventflow.publisher.adapter.out.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.publisher.application.port.out.EventRefusedException;
import io.eventflow.publisher.application.port.out.PublishFailedException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.Header;

/**
 * Sends records with one Kafka producer owned here, so that a failure fails only the record it concerns.
 *
 * <p>Why not Helidon's Kafka connector: its channel is cancelled for good by the first failed send, so an outage
 * or one record the broker refused took publishing down for every client until the channel was rebuilt, and the
 * rebuild ran under a lock that request threads waited on. A producer recovers from an outage by itself; it is
 * replaced (and the old one closed) only after an error that leaves it unusable, at most once per
 * {@code rebuildInterval}. No lock is held while a request thread waits: {@link Producer#send} can block up to
 * the producer's {@code max.block.ms}, and room in the {@link InFlightBudget} is awaited up to the caller's
 * deadline; both on the request's own (virtual) thread only.
 */
final class KafkaRecordSender implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(KafkaRecordSender.class.getName());
    // the record format v2's worst case around key, value and headers: batch header 61 bytes, the record's
    // length, attributes, timestamp and offset deltas, key/value/header-count lengths (varints), per header two
    private static final int RECORD_OVERHEAD = 61 + 5 + 1 + 10 + 5 + 5 + 5 + 5;
    private static final int HEADER_OVERHEAD = 10;
    private static final long CLOSE_TIMEOUT_SECONDS = 5;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(CLOSE_TIMEOUT_SECONDS);

    private final Supplier<Producer<byte[], byte[]>> producers;
    private final InFlightBudget budget;
    private final BrokerOutage outage;
    private final int maxRecordBytes;
    private final long rebuildIntervalNanos;
    private final AtomicReference<Producer<byte[], byte[]>> producer = new AtomicReference<>();
    private final AtomicLong builtAt = new AtomicLong();
    private volatile boolean unusable;
    private volatile boolean closed;

    /**
     * Creates the sender; {@code maxRecordBytes} is the producer's {@code max.request.size}: a larger record is
     * refused here, before the producer sees it.
     */
    KafkaRecordSender(Supplier<Producer<byte[], byte[]>> producers, InFlightBudget budget, BrokerOutage outage,
                      int maxRecordBytes, Duration rebuildInterval) {
        this.producers = producers;
        this.budget = budget;
        this.outage = outage;
        this.maxRecordBytes = maxRecordBytes;
        this.rebuildIntervalNanos = rebuildInterval.toNanos();
    }

    /**
     * Sends a record; the future completes on the broker's acknowledgement, or exceptionally with
     * {@link EventRefusedException} (this record can never be sent) or {@link PublishFailedException} (the
     * broker is unavailable or the in-flight window stayed full until {@code deadlineNanos}).
     */
    CompletableFuture<Void> send(ProducerRecord<byte[], byte[]> record, long deadlineNanos) {
        int size = sizeOf(record);
        if (size > maxRecordBytes) {
            return CompletableFuture.failedFuture(new EventRefusedException("The event's Kafka record would be "
                    + size + " bytes; the producer takes at most " + maxRecordBytes
                    + " (max.request.size). Send a smaller event.", true, null));
        }
        try {
            if (!budget.tryAcquire(size, deadlineNanos - System.nanoTime())) {
                return CompletableFuture.failedFuture(new PublishFailedException("The publisher's in-flight window "
                        + "stayed full: the broker is slower than events arrive", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new PublishFailedException("Interrupted while waiting", e));
        }
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        Producer<byte[], byte[]> current;
        try {
            current = current();
            current.send(record, (metadata, error) -> settle(current, size, error, delivered));
        } catch (RuntimeException e) {
            budget.release(size);
            if (closed) {
                delivered.completeExceptionally(new PublishFailedException("The publisher is shutting down", e));
                return delivered;
            }
            // thrown by send itself (metadata not in time, a closed or broken producer): no callback will come
            delivered.completeExceptionally(classify(producer.get(), e));
        }
        return delivered;
    }

    /**
     * Creates the producer now rather than on the first send, and has it fetch the topic's partitions in the
     * background (which also has a broker that auto-creates topics create it), so the first request does not
     * wait for either; retried for up to {@code attempts} times the producer's {@code max.block.ms}.
     */
    void start(String topic, int attempts) {
        Producer<byte[], byte[]> started = current();
        Thread.ofVirtual().name("kafka-metadata-warm-up").start(() -> {
            for (int i = 0; i < attempts && !closed; i++) {
                try {
                    started.partitionsFor(topic);
                    return;
                } catch (RuntimeException e) {
                    LOGGER.log(Level.FINE, "Topic metadata not there yet; trying again", e);
                }
            }
        });
    }

    /** Whether publishes are failing now because of the broker. */
    boolean brokerFailing() {
        return outage.ongoing();
    }

    /** Records and bytes handed to the producer and not yet acknowledged. */
    InFlightBudget budget() {
        return budget;
    }

    private void settle(Producer<byte[], byte[]> sentWith, int size, Exception error,
                        CompletableFuture<Void> delivered) {
        budget.release(size);
        if (error == null) {
            outage.delivered();
            delivered.complete(null);
        } else {
            delivered.completeExceptionally(classify(sentWith, error));
        }
    }

    private RuntimeException classify(Producer<byte[], byte[]> sentWith, Exception error) {
        if (isRefusal(error)) {
            boolean tooLarge = !(error instanceof InvalidRecordException);
            return new EventRefusedException(tooLarge
                    ? "The broker refused the event's record as too large (" + error.getMessage()
                    + "). Send a smaller event."
                    : "The broker refused the event's record: " + error.getMessage(), tooLarge, error);
        }
        if (breaksProducer(error) && sentWith != null && sentWith == producer.get()) {
            unusable = true;
        }
        outage.failed(error);
        return new PublishFailedException("Kafka did not take the event", error);
    }

    private Producer<byte[], byte[]> current() {
        Producer<byte[], byte[]> existing = producer.get();
        if (existing != null && !(unusable && System.nanoTime() - builtAt.get() >= rebuildIntervalNanos)) {
            return existing;
        }
        if (closed) {
            throw new IllegalStateException("The publisher is shutting down");
        }
        // building a producer does not touch the network; a racing thread's spare one is closed at once
        Producer<byte[], byte[]> fresh = producers.get();
        if (!producer.compareAndSet(existing, fresh)) {
            fresh.close(Duration.ZERO);
            return producer.get();
        }
        builtAt.set(System.nanoTime());
        unusable = false;
        if (existing != null) {
            LOGGER.warning("Kafka producer replaced after an error it cannot recover from; the old one is closed");
            Thread.ofVirtual().name("kafka-producer-close").start(() -> closeQuietly(existing));
        }
        return fresh;
    }

    private static boolean isRefusal(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException;
    }

    // errors after which the producer refuses every further send; an outage is none of them
    private static boolean breaksProducer(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ProducerFencedException || e instanceof OutOfOrderSequenceException
                    || e instanceof AuthenticationException || e instanceof AuthorizationException
                    || e instanceof UnsupportedVersionException || e instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    static int sizeOf(ProducerRecord<byte[], byte[]> record) {
        long size = RECORD_OVERHEAD + length(record.key()) + length(record.value());
        for (Header header : record.headers()) {
            size += HEADER_OVERHEAD + header.key().length() * 3L + length(header.value());
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void closeQuietly(Producer<byte[], byte[]> old) {
        try {
            old.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Closing a replaced Kafka producer", e);
        }
    }

    /** Closes the producer, giving records in flight {@value #CLOSE_TIMEOUT_SECONDS} s to be acknowledged. */
    @Override
    public void close() {
        closed = true;
        Producer<byte[], byte[]> last = producer.getAndSet(null);
        if (last != null) {
            closeQuietly(last);
        }
    }
}
