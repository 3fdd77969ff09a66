package io.eventflow.jobs.application.port.out;

import io.eventflow.jobs.domain.ReceivedEvent;

/** Hands an event to durable background processing; scheduling the same event twice creates one job. */
public interface ScheduleProcessingPort {

    /** Durably schedules the event's processing; returns once the job is stored. */
    void schedule(ReceivedEvent event, int maxRetries);
}
