package io.eventflow.processing.domain;

/** No handler is registered for an event's type. */
public class UnknownEventTypeException extends RuntimeException {

    /** Creates the exception for the given type. */
    public UnknownEventTypeException(String type) {
        super("No handler for event type '" + type + "'");
    }
}
