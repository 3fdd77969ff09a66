package io.eventflow.subscriber.application.port.out;

/** The dead-letter topic (or the events topic, for a redrive) could not be reached; trying again later may work. */
public class DeadLettersUnavailableException extends RuntimeException {

    /** Creates the exception with what could not be done and why. */
    public DeadLettersUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
