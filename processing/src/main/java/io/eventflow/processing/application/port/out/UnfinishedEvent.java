package io.eventflow.processing.application.port.out;

import java.util.Objects;
import java.util.UUID;

import io.eventflow.processing.domain.ProcessingStatus;
import io.eventflow.processing.domain.StreamPosition;

/**
 * An event whose status is not final yet, as the reconciler sees it.
 *
 * @param rowId      the status row's id, for paging
 * @param eventId    the event
 * @param type       its type
 * @param status     pending or processing
 * @param retryCount failed attempts so far
 * @param maxRetries its retry budget
 * @param position   where it was read from, or null
 * @param batchJobId the batch job it was given to, or null when it has a job of its own
 */
public record UnfinishedEvent(long rowId, UUID eventId, String type, ProcessingStatus status, int retryCount,
                              int maxRetries, StreamPosition position, UUID batchJobId) {

    /** Requires the event id and status. */
    public UnfinishedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(status, "status");
    }
}
