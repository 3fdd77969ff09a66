package io.eventflow.processing.application.port.out;

import java.util.UUID;

/** What the reconciler needs to know about, and do with, an event's processing job. */
public interface ProcessingJobsPort {

    /** Where an event's job is. */
    enum JobCondition {
        /** Waiting, scheduled for a retry, or running: it will write the event's status itself. */
        LIVE,
        /** Succeeded, failed or deleted: it will not run again by itself. */
        ENDED,
        /** Not stored at all (permanently deleted, or never created). */
        MISSING
    }

    /**
     * The condition of the event's job: its job of its own, or when it has none, the batch job it was given to
     * ({@code batchJobId}, may be null). A batch job that ended or is gone counts as missing: the event needs a job of
     * its own.
     */
    JobCondition condition(UUID eventId, UUID batchJobId);

    /** Puts the event's ended job back in the queue; false when another process changed it first. */
    boolean enqueueAgain(UUID eventId);
}
