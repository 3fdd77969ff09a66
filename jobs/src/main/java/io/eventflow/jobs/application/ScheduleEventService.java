package io.eventflow.jobs.application;

import java.util.function.ToIntFunction;

import io.eventflow.jobs.application.port.in.ScheduleEventUseCase;
import io.eventflow.jobs.application.port.out.EventStatusPort;
import io.eventflow.jobs.application.port.out.ScheduleProcessingPort;
import io.eventflow.jobs.domain.ReceivedEvent;
import io.eventflow.jobs.domain.StreamPosition;

/** Records a received event as pending, then schedules its processing job; both steps are idempotent. */
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
    public void schedule(ReceivedEvent event, StreamPosition position) {
        int maxRetries = maxRetriesByType.applyAsInt(event.type());
        status.markPending(event.eventId(), event.type(), maxRetries, position);
        scheduler.schedule(event, maxRetries);
    }
}
