package io.eventflow.publisher.application.port.out;

/** The broker did not take the event: the client was not given a 202 and may retry. */
public class PublishFailedException extends RuntimeException {

    /** Creates the exception with its cause. */
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
