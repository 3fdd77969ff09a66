package io.eventflow.processing.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.eventflow.processing.application.port.in.ReconcileEventsUseCase.Result;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.application.port.out.ProcessingJobsPort;
import io.eventflow.processing.application.port.out.UnfinishedEvent;
import io.eventflow.processing.application.port.out.UnfinishedEventsPort;
import io.eventflow.processing.domain.ProcessingStatus;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.processing.domain.StreamedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileEventsServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final FakeEvents events = new FakeEvents();
    private final FakeJobs jobs = new FakeJobs();
    private final Map<StreamPosition, ReceivedEvent> stream = new HashMap<>();
    private final List<PendingEvent> scheduled = new ArrayList<>();
    private final RecordingStatusPort status = new RecordingStatusPort();
    private final ReconcileEventsService service = new ReconcileEventsService(events, jobs,
            position -> Optional.ofNullable(stream.get(position)).map(e -> new StreamedEvent(e, position, TRACE)),
            events -> {
                scheduled.addAll(events);
                return Map.of();
            }, status,
            Duration.ofMinutes(5), 2, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void leavesEventsWithALiveJobAlone() {
        UUID eventId = events.add(ProcessingStatus.PENDING, null);
        jobs.conditions.put(eventId, ProcessingJobsPort.JobCondition.LIVE);

        Result result = service.reconcile();

        assertThat(result).isEqualTo(new Result(1, 0, 0, 0));
        assertThat(events.claimed).isEmpty();
    }

    @Test
    void requeuesTheEndedJobOfAnEventLeftProcessing() {
        UUID eventId = events.add(ProcessingStatus.PROCESSING, null);
        jobs.conditions.put(eventId, ProcessingJobsPort.JobCondition.ENDED);

        Result result = service.reconcile();

        assertThat(result.requeued()).isEqualTo(1);
        assertThat(jobs.requeued).containsExactly(eventId);
        assertThat(events.cutoffs).containsOnly(NOW.minus(Duration.ofMinutes(5)));
    }

    @Test
    void recreatesAMissingJobFromTheRecordInTheStream() {
        StreamPosition position = new StreamPosition("eventflow.events", 1, 42);
        UUID eventId = events.add(ProcessingStatus.PENDING, position);
        stream.put(position, ReceivedEvents.received(eventId, "user_analytics", "u1"));
        jobs.conditions.put(eventId, ProcessingJobsPort.JobCondition.MISSING);

        Result result = service.reconcile();

        assertThat(result.rescheduled()).isEqualTo(1);
        assertThat(scheduled).singleElement().satisfies(pending -> {
            assertThat(pending.event().eventId()).isEqualTo(eventId);
            assertThat(pending.maxRetries()).isEqualTo(3);
            assertThat(pending.position()).isEqualTo(position);
            assertThat(pending.traceParent()).as("the trace of the record goes on").isEqualTo(TRACE);
            assertThat(pending.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        });
    }

    @Test
    void marksAnEventFailedWhenItsJobAndItsRecordAreGone() {
        UUID eventId = events.add(ProcessingStatus.PENDING, new StreamPosition("eventflow.events", 0, 7));
        jobs.conditions.put(eventId, ProcessingJobsPort.JobCondition.MISSING);

        Result result = service.reconcile();

        assertThat(result.failed()).isEqualTo(1);
        assertThat(scheduled).isEmpty();
        assertThat(status.calls).singleElement().asString().startsWith("failed for good 0: ")
                .contains("eventflow.events").contains("publish the event again");
    }

    @Test
    void repairsNothingAnotherProcessClaimedFirst() {
        UUID eventId = events.add(ProcessingStatus.PROCESSING, null);
        jobs.conditions.put(eventId, ProcessingJobsPort.JobCondition.ENDED);
        events.claimedElsewhere.add(eventId);

        Result result = service.reconcile();

        assertThat(result.repaired()).isZero();
        assertThat(jobs.requeued).isEmpty();
    }

    @Test
    void pagesThroughEveryStaleEvent() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID eventId = events.add(ProcessingStatus.PROCESSING, null);
            jobs.conditions.put(eventId, ProcessingJobsPort.JobCondition.ENDED);
            ids.add(eventId);
        }

        Result result = service.reconcile();

        assertThat(result.stale()).isEqualTo(5);
        assertThat(jobs.requeued).containsExactlyElementsOf(ids);
    }

    @Test
    void measuresTheOldestUnfinishedEventsAge() {
        events.oldest = NOW.minus(Duration.ofSeconds(90));

        assertThat(service.oldestUnfinishedAge()).contains(Duration.ofSeconds(90));
    }

    private static final class FakeEvents implements UnfinishedEventsPort {
        private final List<UnfinishedEvent> stale = new ArrayList<>();
        private final Set<UUID> claimed = new HashSet<>();
        private final Set<UUID> claimedElsewhere = new HashSet<>();
        private final Set<Instant> cutoffs = new HashSet<>();
        private Instant oldest;

        UUID add(ProcessingStatus status, StreamPosition position) {
            UUID eventId = UUID.randomUUID();
            stale.add(new UnfinishedEvent(stale.size() + 1, eventId, "user_analytics", status, 0, 3, position, null));
            return eventId;
        }

        @Override
        public List<UnfinishedEvent> findStale(Instant cutoff, long afterRowId, int limit) {
            cutoffs.add(cutoff);
            return stale.stream().filter(e -> e.rowId() > afterRowId).limit(limit).toList();
        }

        @Override
        public boolean claim(UUID eventId, Instant cutoff) {
            return !claimedElsewhere.contains(eventId) && claimed.add(eventId);
        }

        @Override
        public Optional<Instant> oldestUnfinishedSince() {
            return Optional.ofNullable(oldest);
        }
    }

    private static final class FakeJobs implements ProcessingJobsPort {
        private final Map<UUID, JobCondition> conditions = new HashMap<>();
        private final List<UUID> requeued = new ArrayList<>();

        @Override
        public JobCondition condition(UUID eventId, UUID batchJobId) {
            return conditions.get(eventId);
        }

        @Override
        public boolean enqueueAgain(UUID eventId) {
            requeued.add(eventId);
            return true;
        }
    }
}
