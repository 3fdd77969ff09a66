package io.eventflow.publisher.application.port.in;

import java.util.Objects;

/**
 * What makes a retry recognisable: the client's key and a fingerprint of what it sent with it.
 *
 * @param key         the client's {@code Idempotency-Key}, or a CloudEvent's {@code source} and {@code id}
 * @param fingerprint a hash of the event's type and content; the same key with another fingerprint is a misuse
 */
public record IdempotencyKey(String key, String fingerprint) {

    /** Checks both parts are present. */
    public IdempotencyKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
