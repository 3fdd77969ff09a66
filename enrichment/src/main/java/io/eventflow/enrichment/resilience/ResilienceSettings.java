package io.eventflow.enrichment.resilience;

import java.time.Duration;

/**
 * How hard to try a remote back end before the reference table answers. Null, zero or negative
 * values take the defaults (except {@code cacheSize}: 0 turns the cache off, negative takes the default).
 *
 * @param attemptTimeout       hard cap on one request, whatever the client does; default 30 s
 * @param maxAttempts          requests per extraction, first one included; default 3
 * @param initialBackoff       pause before the first retry, doubled each retry; default 500 ms
 * @param maxBackoff           longest pause between retries; default 8 s
 * @param maxRetryAfter        longest Retry-After we wait for; a longer one falls back at once; default 30 s
 * @param breakerWindow        calls the circuit breaker looks back over; default 10
 * @param breakerMinimumCalls  calls needed before it may open; default 5
 * @param breakerFailureRate   failure percentage (1-100) that opens it; default 50
 * @param breakerOpenDuration  how long it stays open before letting one trial call through; default 60 s
 * @param cacheSize            answers kept (LRU); default 1000, 0 = no cache
 * @param cacheTtl             how long an answer is reused; default 24 h
 */
public record ResilienceSettings(Duration attemptTimeout, int maxAttempts, Duration initialBackoff,
                                 Duration maxBackoff, Duration maxRetryAfter, int breakerWindow,
                                 int breakerMinimumCalls, int breakerFailureRate, Duration breakerOpenDuration,
                                 int cacheSize, Duration cacheTtl) {

    /** Applies the defaults. */
    public ResilienceSettings {
        attemptTimeout = positive(attemptTimeout, Duration.ofSeconds(30));
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        initialBackoff = positive(initialBackoff, Duration.ofMillis(500));
        maxBackoff = positive(maxBackoff, Duration.ofSeconds(8));
        maxRetryAfter = positive(maxRetryAfter, Duration.ofSeconds(30));
        breakerWindow = breakerWindow <= 0 ? 10 : breakerWindow;
        breakerMinimumCalls = breakerMinimumCalls <= 0 ? Math.min(5, breakerWindow) : breakerMinimumCalls;
        breakerFailureRate = breakerFailureRate <= 0 || breakerFailureRate > 100 ? 50 : breakerFailureRate;
        breakerOpenDuration = positive(breakerOpenDuration, Duration.ofSeconds(60));
        cacheSize = cacheSize < 0 ? 1000 : cacheSize;
        cacheTtl = positive(cacheTtl, Duration.ofHours(24));
    }

    /** All defaults. */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(null, 0, null, null, null, 0, 0, 0, null, -1, null);
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
