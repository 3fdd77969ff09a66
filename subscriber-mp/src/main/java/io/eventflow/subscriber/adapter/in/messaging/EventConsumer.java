package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.jobs.application.port.in.ScheduleEventUseCase;
import io.eventflow.jobs.domain.StreamPosition;
import io.eventflow.jobs.domain.StreamedEvent;
import io.eventflow.schemas.EventSchemas;
import io.helidon.messaging.connectors.kafka.KafkaMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;
import org.eclipse.microprofile.reactive.streams.operators.SubscriberBuilder;

/**
 * Consumes channel {@code events-in} (topic {@code eventflow.topic}) and schedules one processing job per
 * event, in batches: the records that arrived while the previous batch was being scheduled get their pending
 * statuses in one statement and their jobs in one bulk insert. A record is acked - and its offset committed -
 * only after its job is stored; a poison record is nacked to the dead-letter topic with the reason; a storage
 * outage pauses consumption until it ends. At most {@code eventflow.consumer.max-in-flight} records are read
 * ahead of the ones stored.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOGGER = Logger.getLogger(EventConsumer.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ScheduleEventUseCase scheduleEvent;
    private final EventRecordReader reader;
    private final BatchingSubscriber<KafkaMessage<String, String>> batches;
    private volatile boolean running = true;

    /** Creates the consumer. */
    @Inject
    public EventConsumer(ScheduleEventUseCase scheduleEvent, ObjectMapper mapper, EventSchemas schemas,
                         @ConfigProperty(name = "eventflow.consumer.max-in-flight", defaultValue = "1000")
                         int maxInFlight) {
        this.scheduleEvent = scheduleEvent;
        this.reader = new EventRecordReader(mapper, schemas);
        this.batches = new BatchingSubscriber<>("eventflow-consumer", maxInFlight, this::handle);
    }

    /** The channel's subscriber: records are scheduled in batches, in partition order. */
    @Incoming("events-in")
    public SubscriberBuilder<KafkaMessage<String, String>, Void> consume() {
        return ReactiveStreams.fromSubscriber(batches);
    }

    void handle(List<KafkaMessage<String, String>> messages) {
        List<StreamedEvent> events = new ArrayList<>(messages.size());
        List<KafkaMessage<String, String>> readable = new ArrayList<>(messages.size());
        for (KafkaMessage<String, String> message : messages) {
            try {
                events.add(new StreamedEvent(reader.read(message.getKey().orElse(null), message.getPayload()),
                        position(message)));
                readable.add(message);
            } catch (PoisonRecordException e) {
                LOGGER.warning(() -> "Dead-lettering record " + message.getTopic().orElse("?") + "-"
                        + message.getPartition().orElse(-1) + "@" + message.getOffset().orElse(-1L) + ": "
                        + e.getMessage());
                message.nack(e);
            }
        }
        scheduleUntilStored(events);
        readable.forEach(KafkaMessage::ack);
    }

    /** Retries with backoff while storage is down: acking without stored jobs would lose the events. */
    private void scheduleUntilStored(List<StreamedEvent> events) {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                scheduleEvent.scheduleAll(events);
                return;
            } catch (RuntimeException e) {
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
        batches.close();
    }
}
