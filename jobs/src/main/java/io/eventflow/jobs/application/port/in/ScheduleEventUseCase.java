package io.eventflow.jobs.application.port.in;

import io.eventflow.jobs.domain.ReceivedEvent;

/** Accepts an event from the stream: records it as pending and schedules its processing. */
public interface ScheduleEventUseCase {

    /** Returns only once the processing job is durably stored. */
    void schedule(ReceivedEvent event);
}
