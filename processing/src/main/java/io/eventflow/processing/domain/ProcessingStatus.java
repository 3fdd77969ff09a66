package io.eventflow.processing.domain;

import java.util.Locale;

/** Where an event is in its processing: pending -> processing -> completed | failed. */
public enum ProcessingStatus {
    PENDING, PROCESSING, COMPLETED, FAILED;

    /** The lower-case name stored in the database and shown by the API. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
