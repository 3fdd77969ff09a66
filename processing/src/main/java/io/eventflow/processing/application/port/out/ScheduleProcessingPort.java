package io.eventflow.processing.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hands events to durable background processing; scheduling the same event twice creates one job. */
public interface ScheduleProcessingPort {

    /**
     * Durably schedules the events' processing; returns once all the jobs are stored.
     *
     * @return for the events given to a job processing several, that job's id by event id; empty when every event
     *         has a job of its own
     */
    Map<UUID, UUID> schedule(List<PendingEvent> events);
}
