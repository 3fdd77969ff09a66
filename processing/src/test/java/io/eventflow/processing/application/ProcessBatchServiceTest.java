package io.eventflow.processing.application;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.eventflow.processing.application.port.in.ProcessBatchUseCase.BatchOutcome;
import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.application.port.out.EventToStore;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.processing.domain.StreamedEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessBatchServiceTest {

    private static final UUID BATCH_JOB = UUID.randomUUID();

    private final RecordingStatusPort status = new RecordingStatusPort();
    private final List<List<EventToStore>> storeCalls = new CopyOnWriteArrayList<>();
    private final List<PendingEvent> splitOff = new ArrayList<>();
    /** Events whose store fails, alone or in a group. */
    private Set<UUID> unstorable = Set.of();
    /** Events whose preparing fails. */
    private Set<UUID> poisoned = Set.of();
    private boolean databaseDown;

    private final EventStorePort store = new EventStorePort() {
        @Override
        public void store(StorableEvent event, int retryCount) {
            throw new UnsupportedOperationException("a batch stores with storeAll");
        }

        @Override
        public void storeAll(List<EventToStore> events) {
            storeCalls.add(events);
            if (databaseDown || events.stream().anyMatch(e -> unstorable.contains(e.event().eventId()))) {
                throw new IllegalStateException(databaseDown ? "connection refused" : "value too long");
            }
        }
    };

    private final EventHandler analytics = new EventHandler() {
        @Override
        public String type() {
            return "user_analytics";
        }

        @Override
        public StorableEvent prepare(ReceivedEvent event) {
            if (poisoned.contains(event.eventId())) {
                throw new IllegalArgumentException("enrichment refused the event");
            }
            return new UserAnalyticsEvent(event.eventId(), "u", "login", OffsetDateTime.parse("2024-01-01T00:00:00Z"),
                    Map.of());
        }
    };

    private ProcessBatchService service(EventHandler handler, int concurrency) {
        return new ProcessBatchService(new EventRouter(List.of(handler)), store, status, events -> {
            if (databaseDown) {
                throw new IllegalStateException("connection refused");
            }
            splitOff.addAll(events);
            return Map.of();
        }, type -> 5, concurrency);
    }

    @Test
    void aPoisonedEventIsSplitOffAndTheOther99AreStoredInOneTransaction() {
        List<StreamedEvent> batch = batch(100);
        UUID poison = batch.get(42).event().eventId();
        poisoned = Set.of(poison);

        BatchOutcome outcome = service(analytics, 8).process(batch, BATCH_JOB);

        assertThat(storeCalls).hasSize(1);
        assertThat(storeCalls.getFirst()).hasSize(99).allSatisfy(e -> {
            assertThat(e.batchJobId()).isEqualTo(BATCH_JOB);
            assertThat(e.event().eventId()).isNotEqualTo(poison);
        });
        assertThat(outcome.stored()).isEqualTo(99);
        assertThat(outcome.splitOff()).containsOnlyKeys(poison);
        assertThat(splitOff).singleElement().satisfies(p -> {
            assertThat(p.event().eventId()).isEqualTo(poison);
            assertThat(p.maxRetries()).isEqualTo(5);
            assertThat(p.traceParent()).isEqualTo("trace-42");
        });
        assertThat(status.calls).containsExactly("split off: Split off from batch job " + BATCH_JOB
                + " into a job of its own: enrichment refused the event");
    }

    @Test
    void whenTheBatchCannotBeStoredTogetherEachEventIsStoredAloneAndOnlyTheFailingOneSplitOff() {
        List<StreamedEvent> batch = batch(10);
        UUID unstorableEvent = batch.get(3).event().eventId();
        unstorable = Set.of(unstorableEvent);

        BatchOutcome outcome = service(analytics, 4).process(batch, BATCH_JOB);

        assertThat(storeCalls).extracting(List::size).containsExactly(10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(outcome.stored()).isEqualTo(9);
        assertThat(splitOff).extracting(p -> p.event().eventId()).containsExactly(unstorableEvent);
    }

    @Test
    void whenTheDatabaseIsDownTheWholeBatchFailsSoItsJobRetries() {
        databaseDown = true;

        assertThatIllegalStateException().isThrownBy(() -> service(analytics, 4).process(batch(5), BATCH_JOB))
                .withMessageContaining("connection refused");
        assertThat(splitOff).isEmpty();
    }

    @Test
    void eventsArePreparedConcurrentlyButNeverMoreThanTheBoundAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch boundReached = new CountDownLatch(1);
        EventHandler slow = new EventHandler() {
            @Override
            public String type() {
                return "user_analytics";
            }

            @Override
            public StorableEvent prepare(ReceivedEvent event) {
                int now = inFlight.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                if (now == 4) {
                    boundReached.countDown();
                }
                try {
                    // the first four wait for each other: they only meet if they run at the same time
                    if (!boundReached.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("four events were never prepared at once");
                    }
                    return analytics.prepare(event);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };

        BatchOutcome outcome = service(slow, 4).process(batch(40), BATCH_JOB);

        assertThat(outcome.stored()).isEqualTo(40);
        assertThat(mostAtOnce).hasValue(4);
    }

    private static List<StreamedEvent> batch(int size) {
        return IntStream.range(0, size).mapToObj(i -> new StreamedEvent(
                ReceivedEvents.received("user_analytics", "user-" + i),
                new StreamPosition("events", 0, 1000 + i), "trace-" + i)).toList();
    }
}
