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

    /** The condition of the event's job. */
    JobCondition condition(UUID eventId);

    /** Puts the event's ended job back in the queue; false when another process changed it first. */
    boolean enqueueAgain(UUID eventId);
}
