package io.eventflow.processing.application;

import java.util.Optional;
import java.util.UUID;

import io.eventflow.processing.application.port.in.RequeueEventsUseCase;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.RequeueProcessingPort;
import io.eventflow.processing.domain.ProcessingStatus;

/**
 * Re-queues failed events. The job is re-queued before the status goes back to pending: a crash in
 * between leaves a running job that writes its own status, never a pending event without a job.
 */
public final class RequeueEventService implements RequeueEventsUseCase {

    private final EventStatusPort status;
    private final RequeueProcessingPort jobs;

    /** Creates the service. */
    public RequeueEventService(EventStatusPort status, RequeueProcessingPort jobs) {
        this.status = status;
        this.jobs = jobs;
    }

    @Override
    public Outcome requeue(UUID eventId) {
        Optional<ProcessingStatus> current = status.find(eventId);
        if (current.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (current.get() != ProcessingStatus.FAILED || !jobs.requeue(eventId)) {
            return Outcome.NOT_FAILED;
        }
        status.markRequeued(eventId);
        return Outcome.REQUEUED;
    }

    @Override
    public int requeueFailed(Optional<String> type) {
        return (int) status.failedEventIds(type).stream()
                .filter(eventId -> requeue(eventId) == Outcome.REQUEUED)
                .count();
    }
}
