package io.eventflow.publisher.application.port.out;

/**
 * The broker or its producer refused this one event (e.g. larger than the record size it takes): retrying it
 * will not help, and other events are not affected. The client gets a 4xx naming the limit.
 */
public class EventRefusedException extends RuntimeException {

    private final boolean tooLarge;

    /** Creates the exception; {@code tooLarge} when the event's size is what was refused. */
    public EventRefusedException(String message, boolean tooLarge, Throwable cause) {
        super(message, cause);
        this.tooLarge = tooLarge;
    }

    /** Whether the event was refused for its size (413) rather than its content (422). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
