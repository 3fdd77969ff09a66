package io.eventflow.subscriber.application.port.in;

import java.util.Optional;
import java.util.UUID;

/**
 * Sends dead letters back to the events topic once their cause is fixed - a schema or handler that now accepts
 * them, or a corrected value - keeping their event id, so that an event that was stored already is not stored again.
 */
public interface RedriveDeadLettersUseCase {

    /** What became of a redrive of one dead letter. */
    enum Outcome {
        /** Sent back to the events topic. */
        REDRIVEN,
        /** No dead letter at that partition and offset. */
        NOT_FOUND,
        /** The corrected value names another event id than the dead letter. */
        EVENT_ID_CHANGED,
        /** The corrected value has no event id, and the dead letter had none either. */
        EVENT_ID_MISSING
    }

    /**
     * A corrected value for a dead letter.
     *
     * @param value   the new record value (a JSON object)
     * @param eventId the event id it names, or null when it names none
     */
    record Correction(String value, UUID eventId) {
    }

    /** Redrives one dead letter, as it is or with a corrected value that keeps its event id. */
    Outcome redrive(int partition, long offset, Optional<Correction> correction);

    /** Redrives every dead letter, or those whose reason contains {@code reason}, oldest first; returns how many. */
    int redriveAll(Optional<String> reason);
}
