package io.eventflow.jobs.application.port.out;

import java.util.UUID;

/** Records the processing status of events (table {@code event_processing_status}). */
public interface EventStatusPort {

    /** Records a newly received event as pending; does nothing if the event is already known. */
    void markPending(UUID eventId, String type, int maxRetries);

    /**
     * Marks the event as being processed for the given retry.
     *
     * @return false if the event was already completed, so the caller must not process it again
     */
    boolean markProcessing(UUID eventId, String type, int retryCount);

    /** Records a failed attempt; {@code finalFailure} marks the event failed for good. */
    void markFailed(UUID eventId, String errorMessage, int retryCount, boolean finalFailure);
}
