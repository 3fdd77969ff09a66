package io.eventflow.publisher.application.port.in;

/** An idempotency key came back with a different event: the client reused a key it must not reuse. */
public class IdempotencyKeyReusedException extends RuntimeException {

    /** Creates the exception. */
    public IdempotencyKeyReusedException() {
        super("This idempotency key was already used for a different event of this type");
    }
}
