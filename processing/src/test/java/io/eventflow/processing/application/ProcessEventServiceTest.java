package io.eventflow.processing.application;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.application.port.out.EventToStore;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessEventServiceTest {

    private final RecordingStatusPort status = new RecordingStatusPort();

    /** A handler that records what it handled, and can be told to fail. */
    private final class Handler implements EventHandler {
        private final String type;
        private RuntimeException failure;

        Handler(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public StorableEvent prepare(ReceivedEvent event) {
            status.calls.add("handle " + type);
            if (failure != null) {
                throw failure;
            }
            return new UserAnalyticsEvent(event.eventId(), "u", type, OffsetDateTime.parse("2024-01-01T00:00:00Z"),
                    Map.of());
        }
    }

    private final Handler enriching = new Handler("chemical_research");
    private final Handler storing = new Handler("user_analytics");
    private final RecordingStore store = new RecordingStore();
    private final ProcessEventService service =
            new ProcessEventService(new EventRouter(List.of(enriching, storing)), status, store);

    @Test
    void aFirstAttemptGoesStraightToTheHandlerOfItsType() {
        service.process(event("user_analytics"), 0);

        assertThat(status.calls).containsExactly("handle user_analytics");
        assertThat(store.stored).containsExactly("user_analytics retry 0");
    }

    @Test
    void aRetryMarksTheEventProcessingThenRoutesItToTheHandlerOfItsType() {
        service.process(event("chemical_research"), 2);

        assertThat(status.calls).containsExactly("processing 2", "handle chemical_research");
        assertThat(store.stored).containsExactly("chemical_research retry 2");
    }

    @Test
    void aCompletedEventIsNotProcessedAgain() {
        status.completed = true;

        service.process(event("chemical_research"), 1);

        assertThat(status.calls).containsExactly("processing 1");
        assertThat(store.stored).isEmpty();
    }

    @Test
    void aFailedFirstAttemptIsRecordedAndRethrownForTheRetry() {
        storing.failure = new IllegalStateException("database down");

        assertThatIllegalStateException().isThrownBy(() -> service.process(event("user_analytics"), 0));
        assertThat(status.calls).containsExactly("handle user_analytics", "failed 0: database down");
    }

    @Test
    void aFailedAttemptIsRecordedAndRethrownForTheRetry() {
        storing.failure = new IllegalStateException("database down");

        assertThatIllegalStateException().isThrownBy(() -> service.process(event("user_analytics"), 1));
        assertThat(status.calls).containsExactly("processing 1", "handle user_analytics", "failed 1: database down");
    }

    /** Records what is stored, by the type the handler gave it. */
    private static final class RecordingStore implements EventStorePort {
        private final List<String> stored = new ArrayList<>();

        @Override
        public void store(StorableEvent event, int retryCount) {
            stored.add(((UserAnalyticsEvent) event).eventType() + " retry " + retryCount);
        }

        @Override
        public void storeAll(List<EventToStore> events) {
            throw new UnsupportedOperationException("a single event is stored with store()");
        }
    }

    private static ReceivedEvent event(String type) {
        return ReceivedEvents.received(type, "key");
    }
}
