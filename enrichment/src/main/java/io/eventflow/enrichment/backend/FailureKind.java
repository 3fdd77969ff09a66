package io.eventflow.enrichment.backend;

import java.util.Locale;

/** Why a back-end call failed; the lower-case name is used as a metric tag and in {@code fallback_reason}. */
public enum FailureKind {
    /** No answer within the timeout. */
    TIMEOUT,
    /** HTTP 429: the provider asks us to slow down. */
    RATE_LIMITED,
    /** HTTP 5xx or 408. */
    SERVER_ERROR,
    /** The connection failed or broke. */
    CONNECTION,
    /** HTTP 401/403: the key is wrong. */
    UNAUTHORIZED,
    /** Another HTTP 4xx: the request or the configuration is wrong. */
    CLIENT_ERROR,
    /** The answer was not JSON, too large, or violated the schema. */
    INVALID_ANSWER,
    /** The event's data could not be sent (e.g. too large for the prompt). */
    INVALID_INPUT,
    /** The circuit breaker is open: the back end was not called. */
    CIRCUIT_OPEN,
    /** The worker was interrupted while waiting. */
    INTERRUPTED;

    /** The tag form, e.g. {@code rate_limited}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
