package io.eventflow.subscriber.adapter.in.messaging;

/** A record that can never be processed (not JSON, unknown type, invalid); it goes to the dead-letter topic. */
class PoisonRecordException extends RuntimeException {

    PoisonRecordException(String reason) {
        super(reason);
    }
}
