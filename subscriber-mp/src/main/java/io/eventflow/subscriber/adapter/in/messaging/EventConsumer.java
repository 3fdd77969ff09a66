package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.jobs.application.port.in.ScheduleEventUseCase;
import io.eventflow.jobs.domain.ReceivedEvent;
import io.eventflow.jobs.domain.StreamPosition;
import io.eventflow.schemas.EventSchemas;
import io.helidon.messaging.connectors.kafka.KafkaMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;
import org.eclipse.microprofile.reactive.streams.operators.SubscriberBuilder;

/**
 * Consumes channel {@code events-in} (topic {@code eventflow.topic}) and schedules one processing job per
 * event. A record is acked - and its offset committed - only after its job is stored; a poison record is
 * nacked to the dead-letter topic with the reason; a storage outage pauses consumption until it ends.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOGGER = Logger.getLogger(EventConsumer.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ScheduleEventUseCase scheduleEvent;
    private final EventRecordReader reader;
    private volatile boolean running = true;

    /** Creates the consumer. */
    @Inject
    public EventConsumer(ScheduleEventUseCase scheduleEvent, ObjectMapper mapper, EventSchemas schemas) {
        this.scheduleEvent = scheduleEvent;
        this.reader = new EventRecordReader(mapper, schemas);
    }

    /** The channel's subscriber: records are handled one after another, in partition order. */
    @Incoming("events-in")
    public SubscriberBuilder<KafkaMessage<String, String>, Void> consume() {
        return ReactiveStreams.<KafkaMessage<String, String>>builder().forEach(this::handle);
    }

    void handle(KafkaMessage<String, String> message) {
        ReceivedEvent event;
        try {
            event = reader.read(message.getKey().orElse(null), message.getPayload());
        } catch (PoisonRecordException e) {
            LOGGER.warning(() -> "Dead-lettering record " + message.getTopic().orElse("?") + "-"
                    + message.getPartition().orElse(-1) + "@" + message.getOffset().orElse(-1L) + ": " + e.getMessage());
            message.nack(e);
            return;
        }
        scheduleUntilStored(event, position(message));
        message.ack();
    }

    /** Retries with backoff while storage is down: acking without a stored job would lose the event. */
    private void scheduleUntilStored(ReceivedEvent event, StreamPosition position) {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                scheduleEvent.schedule(event, position);
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    throw e;
                }
                LOGGER.log(Level.WARNING, "Could not schedule event " + event.eventId() + " type=" + event.type()
                        + "; retrying in " + backoff.toMillis() + " ms", e);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
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

    @PreDestroy
    void stop() {
        running = false;
    }
}
