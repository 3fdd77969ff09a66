package io.eventflow.enrichment.resilience;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/** Builds the resilience4j circuit breaker that guards one back end. */
final class CircuitBreakers {

    private CircuitBreakers() {
    }

    /** A count-based breaker per the settings; one trial call when half-open. */
    static CircuitBreaker create(String name, ResilienceSettings settings, Clock clock) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(Math.min(settings.breakerMinimumCalls(), settings.breakerWindow()))
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                // Our clock, so the open period follows the same time as everything else (and tests).
                .clock(clock)
                .writableStackTraceEnabled(false)
                .build();
        return CircuitBreaker.of(name, config);
    }
}
