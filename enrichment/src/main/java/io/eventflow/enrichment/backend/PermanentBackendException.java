package io.eventflow.enrichment.backend;

/** A failure that repeating the same call will not fix: a bad key, a bad request, an invalid answer. */
public final class PermanentBackendException extends BackendException {

    /** Creates a permanent failure. */
    public PermanentBackendException(FailureKind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /** Creates a permanent failure without a cause. */
    public PermanentBackendException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
