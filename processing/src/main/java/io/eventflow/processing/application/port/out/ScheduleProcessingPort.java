package io.eventflow.processing.application.port.out;

import java.util.List;

/** Hands events to durable background processing; scheduling the same event twice creates one job. */
public interface ScheduleProcessingPort {

    /** Durably schedules the events' processing, one job each; returns once all the jobs are stored. */
    void schedule(List<PendingEvent> events);
}
