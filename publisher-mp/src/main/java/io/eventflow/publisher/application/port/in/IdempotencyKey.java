package io.eventflow.publisher.application.port.in;

import java.util.Objects;

/**
 * What makes a retry recognisable: who sent it, the client's key, and a fingerprint of what it sent with it.
 *
 * @param client      the API key's name that sent the request; null when API keys are off. Keys are scoped by it,
 *                    so one client can never block or replay another's key
 * @param key         the client's {@code Idempotency-Key}, or a CloudEvent's {@code source} and {@code id}
 * @param fingerprint a hash of the event's type and content; the same key with another fingerprint is a misuse
 */
public record IdempotencyKey(String client, String key, String fingerprint) {

    /** Checks the key and fingerprint are present. */
    public IdempotencyKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** A key sent while API keys are off (or by an unnamed client). */
    public IdempotencyKey(String key, String fingerprint) {
        this(null, key, fingerprint);
    }
}
