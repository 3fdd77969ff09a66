package io.eventflow.enrichment.backend;

/**
 * A back end failed. Messages are built by our code and escaped: they may be logged and stored.
 */
public abstract sealed class BackendException extends RuntimeException
        permits TransientBackendException, PermanentBackendException {

    private final FailureKind kind;

    /** Creates a failure of the given kind. */
    protected BackendException(FailureKind kind, String message, Throwable cause) {
        super(LogSafe.escape(message), cause);
        this.kind = kind;
    }

    /** What went wrong, for metrics and {@code fallback_reason}. */
    public FailureKind kind() {
        return kind;
    }

    /** Whether trying again later may succeed. */
    public abstract boolean retryable();
}
