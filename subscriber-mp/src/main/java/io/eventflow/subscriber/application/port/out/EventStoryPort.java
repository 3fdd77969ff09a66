package io.eventflow.subscriber.application.port.out;

import java.util.Optional;
import java.util.UUID;

import io.eventflow.subscriber.domain.EventStory;

/** Reads what the store knows of an event's processing (the job id is not stored: it is derived). */
public interface EventStoryPort {

    /** The event's story without its job id, or empty for an unknown event. */
    Optional<EventStory> find(UUID eventId);
}
