package io.eventflow.enrichment.backend;

import java.time.Duration;
import java.util.Optional;

/** A failure that may pass: a timeout, 429, 5xx or a broken connection; worth retrying after a pause. */
public final class TransientBackendException extends BackendException {

    private final transient Duration retryAfter;

    /** Creates a transient failure; {@code retryAfter} is the server's Retry-After, or null. */
    public TransientBackendException(FailureKind kind, String message, Duration retryAfter, Throwable cause) {
        super(kind, message, cause);
        this.retryAfter = retryAfter;
    }

    /** Creates a transient failure without a Retry-After. */
    public TransientBackendException(FailureKind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    /** How long the server asked us to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
