package io.eventflow.subscriber.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.eventflow.processing.domain.StreamPosition;

/**
 * An event's whole story: where it was read from, its processing job, and how processing went.
 *
 * @param eventId     the event's id
 * @param type        the event type
 * @param status      pending, processing, completed or failed
 * @param retryCount  the retries of the latest attempt series
 * @param maxRetries  the retry budget
 * @param lastError   the last error message, or null
 * @param receivedAt  when it was first consumed
 * @param updatedAt   when its status last changed
 * @param processedAt when it was completed, or null
 * @param position    where it was read from, or null for events received before that was recorded
 * @param job         its processing job (its own, or the batch job that completed it), or null until known
 * @param traceId     the id of the trace it belongs to (the trace of the request that published it), or null
 */
public record EventStory(UUID eventId, String type, String status, int retryCount, int maxRetries, String lastError,
                         OffsetDateTime receivedAt, OffsetDateTime updatedAt, OffsetDateTime processedAt,
                         StreamPosition position, ProcessingJob job, String traceId) {

    /** The same story with its processing job. */
    public EventStory withJob(ProcessingJob processingJob) {
        return new EventStory(eventId, type, status, retryCount, maxRetries, lastError, receivedAt, updatedAt,
                processedAt, position, processingJob, traceId);
    }
}
