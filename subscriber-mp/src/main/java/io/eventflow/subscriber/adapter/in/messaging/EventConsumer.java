package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.subscriber.adapter.jobrunr.JobTracing;
import io.eventflow.processing.application.port.in.ScheduleEventUseCase;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.processing.domain.StreamedEvent;
import io.eventflow.kafka.TraceHeaders;
import io.eventflow.schemas.EventSchemas;
import io.helidon.messaging.connectors.kafka.KafkaMessage;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;
import org.eclipse.microprofile.reactive.streams.operators.SubscriberBuilder;

/**
 * Consumes channel {@code events-in} (topic {@code eventflow.topic}) and schedules one processing job per
 * event, in batches: the records that arrived while the previous batch was being scheduled get their pending
 * statuses in one statement and their jobs in one bulk insert, in chunks of at most
 * {@code eventflow.consumer.max-batch-bytes}. A record is acked - and its offset committed - only after its job
 * is stored; a poison record only once the dead-letter topic has it; a storage outage pauses consumption until
 * it ends. Read-ahead is bounded by {@code eventflow.consumer.max-in-flight} records and
 * {@code eventflow.consumer.max-in-flight-bytes} bytes.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOGGER = Logger.getLogger(EventConsumer.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ScheduleEventUseCase scheduleEvent;
    private final DeadLetterPublisher deadLetters;
    private final EventRecordReader reader;
    private final long maxBatchBytes;
    private final TraceHeaders traceHeaders;
    private final Tracer tracer;
    private final BatchingSubscriber<KafkaMessage<String, String>> batches;
    private final Set<CompletableFuture<Void>> uncommitted = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    /** Creates the consumer. */
    @Inject
    public EventConsumer(ScheduleEventUseCase scheduleEvent, DeadLetterPublisher deadLetters, ObjectMapper mapper,
                         EventSchemas schemas, OpenTelemetry openTelemetry,
                         @ConfigProperty(name = "eventflow.consumer.max-in-flight", defaultValue = "1000")
                         int maxInFlight,
                         @ConfigProperty(name = "eventflow.consumer.max-in-flight-bytes", defaultValue = "16777216")
                         long maxInFlightBytes,
                         @ConfigProperty(name = "eventflow.consumer.max-batch-bytes", defaultValue = "4194304")
                         long maxBatchBytes) {
        this.scheduleEvent = scheduleEvent;
        this.deadLetters = deadLetters;
        this.reader = new EventRecordReader(mapper, schemas);
        this.maxBatchBytes = maxBatchBytes;
        this.traceHeaders = new TraceHeaders(openTelemetry);
        this.tracer = openTelemetry.getTracer("io.eventflow.subscriber");
        this.batches = new BatchingSubscriber<>("eventflow-consumer", maxInFlight, maxInFlightBytes,
                EventConsumer::size, false, this::handle);
    }

    /** The channel's subscriber: records are scheduled in batches, in partition order. */
    @Incoming("events-in")
    public SubscriberBuilder<KafkaMessage<String, String>, Void> consume() {
        return ReactiveStreams.fromSubscriber(batches);
    }

    void handle(List<KafkaMessage<String, String>> messages) {
        List<KafkaMessage<String, String>> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (KafkaMessage<String, String> message : messages) {
            long size = size(message);
            if (!chunk.isEmpty() && chunkBytes + size > maxBatchBytes) {
                handleChunk(chunk);
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(message);
            chunkBytes += size;
        }
        if (!chunk.isEmpty()) {
            handleChunk(chunk);
        }
    }

    /**
     * One bulk insert: bounded in bytes, so that large events cannot make one statement exhaust the heap. Each
     * event gets a consume span in the trace its record carries, open until its job is stored; the job continues
     * that trace.
     */
    private void handleChunk(List<KafkaMessage<String, String>> messages) {
        List<StreamedEvent> events = new ArrayList<>(messages.size());
        List<KafkaMessage<String, String>> readable = new ArrayList<>(messages.size());
        List<Span> spans = new ArrayList<>(messages.size());
        for (KafkaMessage<String, String> message : messages) {
            try {
                ReceivedEvent event = reader.read(message.getKey().orElse(null), message.getPayload());
                Span span = consumeSpan(message, event);
                spans.add(span);
                events.add(new StreamedEvent(event, position(message), JobTracing.traceParent(Context.root().with(span))));
                readable.add(message);
            } catch (PoisonRecordException e) {
                LOGGER.warning(() -> "Dead-lettering record " + message.getTopic().orElse("?") + "-"
                        + message.getPartition().orElse(-1) + "@" + message.getOffset().orElse(-1L) + ": "
                        + e.getMessage());
                deadLetters.publish(message, e.getMessage()).whenComplete((ok, failure) -> {
                    if (failure == null) {
                        finish(message);
                    }
                });
            }
        }
        try {
            scheduleUntilStored(events);
        } finally {
            spans.forEach(Span::end);
        }
        readable.forEach(this::finish);
    }

    private Span consumeSpan(KafkaMessage<String, String> message, ReceivedEvent event) {
        return tracer.spanBuilder(message.getTopic().orElse("events") + " process")
                .setParent(traceHeaders.extract(message.getHeaders()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", message.getTopic().orElse(""))
                .setAttribute("messaging.kafka.destination.partition", (long) message.getPartition().orElse(-1))
                .setAttribute("messaging.kafka.message.offset", message.getOffset().orElse(-1L))
                .setAttribute("eventflow.event_id", event.eventId().toString())
                .setAttribute("eventflow.event_type", event.type())
                .startSpan();
    }

    /** Acks the record (its offset is committed on the connector's next tick) and frees its read-ahead room. */
    private void finish(KafkaMessage<String, String> message) {
        CompletableFuture<Void> commit = message.ack().toCompletableFuture();
        if (!commit.isDone()) {
            uncommitted.add(commit);
            commit.whenComplete((ok, failure) -> uncommitted.remove(commit));
        }
        batches.release(message);
    }

    /** Retries with backoff while storage is down: acking without stored jobs would lose the events. */
    private void scheduleUntilStored(List<StreamedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                scheduleEvent.scheduleAll(events);
                return;
            } catch (Exception e) {
                // Exception, not RuntimeException: a failed commit arrives unchecked (UndeclaredCommitFailures),
                // but a checked exception thrown undeclared once killed the consumer thread, so none may pass
                if (!running) {
                    throw e;
                }
                LOGGER.log(Level.WARNING, "Could not schedule " + events.size() + " events (first "
                        + events.getFirst().event().eventId() + "); retrying in " + backoff.toMillis() + " ms", e);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The record's size as read from Kafka (key and value bytes), or its characters when that is unknown. */
    static long size(KafkaMessage<String, String> message) {
        try {
            ConsumerRecord<?, ?> record = message.unwrap(ConsumerRecord.class);
            return Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        } catch (RuntimeException e) {
            String payload = message.getPayload();
            return (payload == null ? 0 : payload.length()) + message.getKey().map(String::length).orElse(0);
        }
    }

    private static StreamPosition position(KafkaMessage<String, String> message) {
        if (message.getTopic().isEmpty() || message.getPartition().isEmpty() || message.getOffset().isEmpty()) {
            return null;
        }
        return new StreamPosition(message.getTopic().get(), message.getPartition().get(), message.getOffset().get());
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }

    /** Why consumption stopped for good (unhandled batch, failed or completed stream), or empty while it runs. */
    public Optional<String> failure() {
        return batches.failure();
    }

    /** Age of the oldest record read and not yet finished (its job stored, or dead-lettered). */
    public Duration oldestUnfinishedRecordAge() {
        return batches.oldestUnreleasedAge();
    }

    /** Records read ahead and not yet finished, with everything before them. */
    public int recordsInFlight() {
        return batches.windowRecords();
    }

    /** Bytes of the records read ahead. */
    public long bytesInFlight() {
        return batches.windowBytes();
    }

    /** Poison records whose dead-letter write has not succeeded yet. */
    public int deadLettersWaiting() {
        return deadLetters.waiting();
    }

    /**
     * The first half of a graceful stop: requests nothing more, lets the batch in hand finish (at most
     * {@code grace}) and waits for the connector to commit what was acked. Records read but not handled are
     * redelivered to whichever member gets their partition next.
     */
    public void drain(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        running = false;
        batches.stop(grace);
        CompletableFuture<?>[] pending = uncommitted.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            LOGGER.info(() -> "Consumer drained: " + pending.length + " acked records were committed");
        } catch (TimeoutException | ExecutionException e) {
            LOGGER.log(Level.WARNING, "Not every acked record was committed before the grace period ended;"
                    + " those are redelivered and their jobs are not duplicated", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        batches.close();
    }
}
