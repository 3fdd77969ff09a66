package io.eventflow.processing.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds and claims events whose status is not final ({@code event_processing_status}). */
public interface UnfinishedEventsPort {

    /**
     * Up to {@code limit} pending or processing events last updated before {@code cutoff}, with row ids above
     * {@code afterRowId}, by row id.
     */
    List<UnfinishedEvent> findStale(Instant cutoff, long afterRowId, int limit);

    /**
     * Claims a stale event for repair by touching it: of several processes claiming the same event, one wins.
     *
     * @return false when the event is no longer stale (finished, or claimed by another process)
     */
    boolean claim(UUID eventId, Instant cutoff);

    /** When the oldest event that is neither completed nor failed was received; empty when there is none. */
    Optional<Instant> oldestUnfinishedSince();
}
