package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.application.port.in.ScheduleEventUseCase;
import io.eventflow.schemas.EventRecordFormat;
import io.eventflow.schemas.EventSchemas;
import io.eventflow.testing.Undeclared;
import io.helidon.messaging.connectors.kafka.KafkaMessage;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer keeps scheduling a chunk while storage fails, whatever the failure: a {@code @Transactional} bean whose
 * commit fails (the database went away at that moment) throws JTA's checked {@code RollbackException} undeclared,
 * which once slipped past a {@code catch (RuntimeException)}, ended the consumer thread and stalled consumption for
 * good (found by the chaos suite's database outage in batched mode).
 */
class EventConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aScheduleFailingWithAnUndeclaredCheckedExceptionIsRetriedUntilTheEventIsScheduled() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<UUID> scheduled = new CopyOnWriteArrayList<>();
        ScheduleEventUseCase schedule = events -> {
            if (attempts.incrementAndGet() == 1) {
                throw Undeclared.raise(new Exception("ARJUNA016053: Could not commit transaction."));
            }
            events.forEach(e -> scheduled.add(e.event().eventId()));
        };
        EventConsumer consumer = new EventConsumer(schedule, null, JSON, EventSchemas.load(), OpenTelemetry.noop(),
                10, 1 << 20, 1 << 20);
        UUID eventId = UUID.randomUUID();
        AtomicInteger acks = new AtomicInteger();
        KafkaMessage<String, String> message = KafkaMessage.of("user-1", record(eventId), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
        try {
            consumer.handle(List.of(message));

            assertThat(attempts).hasValue(2);
            assertThat(scheduled).containsExactly(eventId);
            assertThat(acks).as("the record is acknowledged once its job is stored").hasValue(1);
        } finally {
            consumer.stop();
        }
    }

    private static String record(UUID eventId) throws Exception {
        return new EventRecordFormat(JSON).write(new EventRecordFormat.Envelope("user_analytics", eventId, 1,
                Instant.parse("2024-01-01T12:00:01Z"), "test"), Map.of("user_id", "user-1", "event_type", "click",
                "timestamp", "2024-01-01T12:00:00Z", "metadata", Map.of()));
    }
}
