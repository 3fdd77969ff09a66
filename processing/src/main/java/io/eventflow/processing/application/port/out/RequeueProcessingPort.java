package io.eventflow.processing.application.port.out;

import java.util.UUID;

/** Runs a failed event's processing job again, with a fresh retry budget. */
public interface RequeueProcessingPort {

    /**
     * Re-queues the event's failed job.
     *
     * @return false when the event has no failed job (never scheduled, already re-queued, or running)
     */
    boolean requeue(UUID eventId);
}
