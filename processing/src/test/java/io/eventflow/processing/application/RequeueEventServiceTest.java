package io.eventflow.processing.application;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.eventflow.processing.application.port.in.RequeueEventsUseCase.Outcome;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.domain.ProcessingStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequeueEventServiceTest {

    private final StatusTable status = new StatusTable();
    private final Set<UUID> failedJobs = new HashSet<>();
    private final RequeueEventService service = new RequeueEventService(status, failedJobs::remove);

    @Test
    void requeuesAFailedEventAndPutsItBackToPending() {
        UUID eventId = event(ProcessingStatus.FAILED, true);

        assertThat(service.requeue(eventId)).isEqualTo(Outcome.REQUEUED);

        assertThat(status.find(eventId)).contains(ProcessingStatus.PENDING);
        assertThat(failedJobs).doesNotContain(eventId);
    }

    @Test
    void refusesAnEventThatIsNotFailed() {
        UUID eventId = event(ProcessingStatus.COMPLETED, false);

        assertThat(service.requeue(eventId)).isEqualTo(Outcome.NOT_FAILED);
        assertThat(status.find(eventId)).contains(ProcessingStatus.COMPLETED);
    }

    @Test
    void leavesTheStatusFailedWhenTheJobCouldNotBeRequeued() {
        UUID eventId = event(ProcessingStatus.FAILED, false);

        assertThat(service.requeue(eventId)).isEqualTo(Outcome.NOT_FAILED);
        assertThat(status.find(eventId)).contains(ProcessingStatus.FAILED);
    }

    @Test
    void answersNotFoundForAnUnknownEvent() {
        assertThat(service.requeue(UUID.randomUUID())).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void countsTheEventsABulkRequeueRequeued() {
        event(ProcessingStatus.FAILED, true);
        event(ProcessingStatus.FAILED, true);
        event(ProcessingStatus.FAILED, false);
        event(ProcessingStatus.COMPLETED, false);

        assertThat(service.requeueFailed(Optional.empty())).isEqualTo(2);
        assertThat(service.requeueFailed(Optional.empty())).isZero();
    }

    private UUID event(ProcessingStatus current, boolean hasFailedJob) {
        UUID eventId = UUID.randomUUID();
        status.rows.put(eventId, current);
        if (hasFailedJob) {
            failedJobs.add(eventId);
        }
        return eventId;
    }

    /** The status table in memory; only what re-queueing uses. */
    private static final class StatusTable implements EventStatusPort {
        final Map<UUID, ProcessingStatus> rows = new HashMap<>();

        @Override
        public Optional<ProcessingStatus> find(UUID eventId) {
            return Optional.ofNullable(rows.get(eventId));
        }

        @Override
        public List<UUID> failedEventIds(Optional<String> type) {
            return rows.keySet().stream().filter(id -> rows.get(id) == ProcessingStatus.FAILED).toList();
        }

        @Override
        public void markRequeued(UUID eventId) {
            rows.replace(eventId, ProcessingStatus.FAILED, ProcessingStatus.PENDING);
        }

        @Override
        public void markPending(List<PendingEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean markProcessing(UUID eventId, String type, int retryCount) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markFailed(UUID eventId, String errorMessage, int retryCount, boolean finalFailure) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordBatchJobs(Map<UUID, UUID> batchJobOf) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markSplitOff(UUID eventId, String reason) {
            throw new UnsupportedOperationException();
        }
    }
}
