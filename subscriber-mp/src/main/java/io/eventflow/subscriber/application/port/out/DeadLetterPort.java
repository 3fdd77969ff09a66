package io.eventflow.subscriber.application.port.out;

import java.util.Optional;

import io.eventflow.subscriber.domain.DeadLetter;
import io.eventflow.subscriber.domain.DeadLetterScan;

/** The dead-letter topic: read what is in it, and send a dead letter back to the events topic. */
public interface DeadLetterPort {

    /** The newest dead letters, as many as the adapter's bound allows, newest first. */
    DeadLetterScan scan();

    /** The dead letter at this partition and offset of the dead-letter topic, if it is (still) there. */
    Optional<DeadLetter> find(int partition, long offset);

    /**
     * Sends the dead letter back to the events topic with its key and headers and the given value, marked as a
     * redrive of it; returns once the broker has it, throws when it could not be sent.
     */
    void republish(DeadLetter letter, String value);
}
