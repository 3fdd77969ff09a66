package io.eventflow.jobs.application.port.in;

import io.eventflow.jobs.domain.ReceivedEvent;
import io.eventflow.jobs.domain.StreamPosition;

/** Accepts an event from the stream: records it as pending and schedules its processing. */
public interface ScheduleEventUseCase {

    /** Returns only once the processing job is durably stored. */
    default void schedule(ReceivedEvent event) {
        schedule(event, null);
    }

    /** Like {@link #schedule(ReceivedEvent)}, recording where the event was read from ({@code position} may be null). */
    void schedule(ReceivedEvent event, StreamPosition position);
}
