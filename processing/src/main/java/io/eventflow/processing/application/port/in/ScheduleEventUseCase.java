package io.eventflow.processing.application.port.in;

import java.util.List;

import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.processing.domain.StreamedEvent;

/** Accepts events from the stream: records them as pending and schedules their processing. */
public interface ScheduleEventUseCase {

    /** Returns only once the processing job is durably stored. */
    default void schedule(ReceivedEvent event) {
        schedule(event, null);
    }

    /** Like {@link #schedule(ReceivedEvent)}, recording where the event was read from ({@code position} may be null). */
    default void schedule(ReceivedEvent event, StreamPosition position) {
        scheduleAll(List.of(new StreamedEvent(event, position)));
    }

    /**
     * Schedules several events at once, in bulk; returns only once every one's job is durably stored. Scheduling
     * an event again (a redelivery) is harmless: it keeps one status row and one job.
     */
    void scheduleAll(List<StreamedEvent> events);
}
