package io.eventflow.processing.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.processing.domain.StreamedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ScheduleEventServiceTest {

    private final RecordingStatusPort status = new RecordingStatusPort();
    private final List<PendingEvent> scheduled = new ArrayList<>();

    /** What the scheduler answers: the batch job of each event it gave to one. */
    private Map<UUID, UUID> batchJobOf = Map.of();

    private final ScheduleEventService service = new ScheduleEventService(status, events -> {
        status.calls.add("schedule " + events.size());
        scheduled.addAll(events);
        return batchJobOf;
    }, type -> type.equals("chemical_research") ? 5 : 3);

    @Test
    void marksABatchPendingInOneCallThenSchedulesItInOneCall() {
        StreamedEvent first = streamed("user_analytics", new StreamPosition("t", 0, 7));
        StreamedEvent second = streamed("chemical_research", new StreamPosition("t", 1, 3));

        service.scheduleAll(List.of(first, second));

        assertThat(status.calls).containsExactly("pending 2", "schedule 2");
        assertThat(status.markedPending).isEqualTo(scheduled);
        assertThat(scheduled).extracting(PendingEvent::event).containsExactly(first.event(), second.event());
        assertThat(scheduled).extracting(PendingEvent::maxRetries).containsExactly(3, 5);
        assertThat(scheduled).extracting(PendingEvent::position).containsExactly(first.position(), second.position());
    }

    @Test
    void recordsTheBatchJobEachEventWasGivenTo() {
        StreamedEvent first = streamed("user_analytics", new StreamPosition("t", 0, 7));
        StreamedEvent second = streamed("user_analytics", new StreamPosition("t", 0, 8));
        UUID batchJob = UUID.randomUUID();
        batchJobOf = Map.of(first.event().eventId(), batchJob, second.event().eventId(), batchJob);

        service.scheduleAll(List.of(first, second));

        assertThat(status.calls).containsExactly("pending 2", "schedule 2", "batch jobs of 2");
        assertThat(status.batchJobs).isEqualTo(batchJobOf);
    }

    @Test
    void aSingleEventWithoutPositionIsABatchOfOne() {
        ReceivedEvent event = streamed("user_analytics", null).event();

        service.schedule(event);

        assertThat(status.calls).containsExactly("pending 1", "schedule 1");
        assertThat(scheduled).singleElement().satisfies(p -> {
            assertThat(p.event()).isEqualTo(event);
            assertThat(p.position()).isNull();
        });
    }

    @Test
    void anEmptyBatchTouchesNothing() {
        service.scheduleAll(List.of());

        assertThat(status.calls).isEmpty();
    }

    @Test
    void noJobIsScheduledWhenThePendingStatusesCouldNotBeStored() {
        status.failure = new IllegalStateException("database down");

        assertThatIllegalStateException().isThrownBy(() -> service.scheduleAll(List.of(streamed("user_analytics", null))));
        assertThat(scheduled).isEmpty();
    }

    private static StreamedEvent streamed(String type, StreamPosition position) {
        return new StreamedEvent(ReceivedEvents.received(type, "key-1"), position);
    }
}
