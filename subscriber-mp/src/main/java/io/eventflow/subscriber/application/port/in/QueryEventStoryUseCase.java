package io.eventflow.subscriber.application.port.in;

import java.util.Optional;
import java.util.UUID;

import io.eventflow.subscriber.domain.EventStory;

/** Tells one event's story for the monitoring API. */
public interface QueryEventStoryUseCase {

    /** The event's story, or empty for an unknown event. */
    Optional<EventStory> story(UUID eventId);
}
