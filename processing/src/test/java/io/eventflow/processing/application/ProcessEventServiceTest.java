package io.eventflow.processing.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.processing.domain.ReceivedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessEventServiceTest {

    private final RecordingStatusPort status = new RecordingStatusPort();

    /** A handler that records what it handled, and can be told to fail. */
    private final class Handler implements EventHandler {
        private final String type;
        private final List<Integer> handled = new ArrayList<>();
        private RuntimeException failure;

        Handler(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public void handle(ReceivedEvent event, int retryCount) {
            status.calls.add("handle " + type);
            if (failure != null) {
                throw failure;
            }
            handled.add(retryCount);
        }
    }

    private final Handler enriching = new Handler("chemical_research");
    private final Handler storing = new Handler("user_analytics");
    private final ProcessEventService service =
            new ProcessEventService(new EventRouter(List.of(enriching, storing)), status);

    @Test
    void aFirstAttemptGoesStraightToTheHandlerOfItsType() {
        service.process(event("user_analytics"), 0);

        assertThat(status.calls).containsExactly("handle user_analytics");
        assertThat(storing.handled).containsExactly(0);
        assertThat(enriching.handled).isEmpty();
    }

    @Test
    void aRetryMarksTheEventProcessingThenRoutesItToTheHandlerOfItsType() {
        service.process(event("chemical_research"), 2);

        assertThat(status.calls).containsExactly("processing 2", "handle chemical_research");
        assertThat(enriching.handled).containsExactly(2);
        assertThat(storing.handled).isEmpty();
    }

    @Test
    void aCompletedEventIsNotProcessedAgain() {
        status.completed = true;

        service.process(event("chemical_research"), 1);

        assertThat(status.calls).containsExactly("processing 1");
        assertThat(enriching.handled).isEmpty();
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

    private static ReceivedEvent event(String type) {
        return new ReceivedEvent(UUID.randomUUID(), type, "key", Map.of("k", "v"));
    }
}
