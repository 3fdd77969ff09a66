package io.eventflow.processing.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

import io.eventflow.processing.application.port.in.ScheduleEventUseCase;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.application.port.out.ScheduleProcessingPort;
import io.eventflow.processing.domain.StreamedEvent;

/**
 * Records received events as pending, then schedules their processing jobs, and records which batch job each event
 * was given to (batched mode); every step is idempotent.
 */
public final class ScheduleEventService implements ScheduleEventUseCase {

    private final EventStatusPort status;
    private final ScheduleProcessingPort scheduler;
    private final ToIntFunction<String> maxRetriesByType;

    /** Creates the service; {@code maxRetriesByType} gives the retry budget of each event type. */
    public ScheduleEventService(EventStatusPort status, ScheduleProcessingPort scheduler,
                                ToIntFunction<String> maxRetriesByType) {
        this.status = status;
        this.scheduler = scheduler;
        this.maxRetriesByType = maxRetriesByType;
    }

    @Override
    public void scheduleAll(List<StreamedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<PendingEvent> pending = events.stream()
                .map(e -> new PendingEvent(e.event(), maxRetriesByType.applyAsInt(e.event().type()), e.position(),
                        e.traceParent()))
                .toList();
        status.markPending(pending);
        Map<UUID, UUID> batchJobOf = scheduler.schedule(pending);
        if (!batchJobOf.isEmpty()) {
            status.recordBatchJobs(batchJobOf);
        }
    }
}
