package io.eventflow.processing.application.port.in;

import java.util.Optional;
import java.util.UUID;

/** Runs failed events again, one by one or all at once: JobRunr OSS has no bulk requeue, this does. */
public interface RequeueEventsUseCase {

    /** What a re-queue of one event did. */
    enum Outcome { REQUEUED, NOT_FOUND, NOT_FAILED }

    /** Re-queues one failed event; its status goes back to pending. */
    Outcome requeue(UUID eventId);

    /** Re-queues every failed event, or those of one type; returns how many were re-queued. */
    int requeueFailed(Optional<String> type);
}
