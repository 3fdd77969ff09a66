package io.eventflow.processing.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.eventflow.processing.domain.ProcessingStatus;

/** Records the processing status of events (table {@code event_processing_status}). */
public interface EventStatusPort {

    /** Records newly received events as pending, all or none; an event that is already known is left as it is. */
    void markPending(List<PendingEvent> events);

    /**
     * Marks the event as being processed for the given retry.
     *
     * @return false if the event was already completed, so the caller must not process it again
     */
    boolean markProcessing(UUID eventId, String type, int retryCount);

    /** Records a failed attempt; {@code finalFailure} marks the event failed for good. */
    void markFailed(UUID eventId, String errorMessage, int retryCount, boolean finalFailure);

    /** The event's current status, or empty for an unknown event. */
    Optional<ProcessingStatus> find(UUID eventId);

    /** The ids of all failed events, or of the failed events of one type, oldest failure first. */
    List<UUID> failedEventIds(Optional<String> type);

    /** Records the batch job each event was given to (by event id); a completed event keeps what it has. */
    void recordBatchJobs(Map<UUID, UUID> batchJobOf);

    /**
     * Records that the event left its batch job for a job of its own, and why; it stays pending. Does nothing if
     * it is completed.
     */
    void markSplitOff(UUID eventId, String reason);

    /** Puts a failed event back to pending; does nothing if it is no longer failed. */
    void markRequeued(UUID eventId);
}
