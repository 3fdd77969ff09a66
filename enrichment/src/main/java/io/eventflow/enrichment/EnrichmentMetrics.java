package io.eventflow.enrichment;

import java.time.Duration;

/**
 * Listener for what enrichment costs and how it fails; the service binds it to MicroProfile Metrics.
 * Every method defaults to doing nothing, so an implementation overrides only what it records.
 * Implementations must be thread-safe and must not throw.
 */
public interface EnrichmentMetrics {

    /** Records nothing. */
    EnrichmentMetrics NONE = new EnrichmentMetrics() {
    };

    /** A request was sent to a back end (each retry counts). */
    default void call(String backend, String model) {
    }

    /** A request failed; {@code kind} is a {@code FailureKind} tag such as {@code timeout} or {@code rate_limited}. */
    default void failure(String backend, String kind) {
    }

    /** The reference table answered instead of {@code backend}, for the given failure kind. */
    default void fallback(String backend, String kind) {
    }

    /** An identical earlier answer was served from the cache; no request was sent. */
    default void cacheHit(String backend) {
    }

    /** One extraction finished (whatever answered) after {@code elapsed}. */
    default void latency(String backend, Duration elapsed) {
    }

    /** A back end reported using {@code count} tokens for one request. */
    default void tokens(String backend, String model, long count) {
    }
}
