package io.eventflow.processing.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.processing.domain.StreamedEvent;

/** Processes many events in one job, so that the job's own cost is paid once for all of them. */
public interface ProcessBatchUseCase {

    /**
     * Processes the events together and stores them in one transaction. An event that cannot be processed or stored
     * never fails the others: it is split off into a job of its own, with its own retries, failure status and
     * requeue. Throws only when the batch as a whole cannot go on (the database is unreachable), so its job retries.
     *
     * @param events     the events, as read from the stream
     * @param batchJobId the id of the job processing them, recorded with each event it stores
     * @return how many were stored and which were split off
     */
    BatchOutcome process(List<StreamedEvent> events, UUID batchJobId);

    /**
     * What a batch came to.
     *
     * @param stored   the events this batch stored (events completed before are not stored again)
     * @param splitOff the ids of the events split off into jobs of their own, with why
     */
    record BatchOutcome(int stored, Map<UUID, String> splitOff) {
    }
}
