package io.eventflow.enrichment.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.eventflow.enrichment.EnrichmentMetrics;
import io.eventflow.enrichment.backend.BackendAnswer;
import io.eventflow.enrichment.backend.BackendException;
import io.eventflow.enrichment.backend.EnrichmentBackend;
import io.eventflow.enrichment.backend.FailureKind;
import io.eventflow.enrichment.backend.PermanentBackendException;
import io.eventflow.enrichment.backend.TransientBackendException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Calls a back end with a hard timeout per attempt, retrying transient failures behind a circuit breaker. */
final class RetryingCaller {

    // Virtual threads: a timed-out call can be abandoned without holding a platform thread.
    private static final ExecutorService ATTEMPTS = Executors.newVirtualThreadPerTaskExecutor();

    private final EnrichmentBackend backend;
    private final ResilienceSettings settings;
    private final CircuitBreaker breaker;
    private final Sleeper sleeper;
    private final EnrichmentMetrics metrics;
    private final Backoff backoff;

    RetryingCaller(EnrichmentBackend backend, ResilienceSettings settings, CircuitBreaker breaker,
                   Sleeper sleeper, EnrichmentMetrics metrics) {
        this.backend = backend;
        this.settings = settings;
        this.breaker = breaker;
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    }

    /**
     * Returns the first valid answer.
     *
     * @throws BackendException the last failure once retrying is pointless or the attempts are spent
     */
    BackendAnswer call(Map<String, Object> data) {
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquirePermission()) {
                throw new PermanentBackendException(FailureKind.CIRCUIT_OPEN, "circuit breaker is open");
            }
            try {
                return attempt(data);
            } catch (TransientBackendException e) {
                if (attempt >= settings.maxAttempts()) {
                    throw e;
                }
                pause(waitBefore(attempt, e), e);
            }
        }
    }

    private BackendAnswer attempt(Map<String, Object> data) {
        long started = System.nanoTime();
        metrics.call(backend.name(), backend.model());
        try {
            BackendAnswer answer = withTimeout(data);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (answer.tokens() != null) {
                metrics.tokens(backend.name(), backend.model(), answer.tokens());
            }
            return answer;
        } catch (BackendException e) {
            metrics.failure(backend.name(), e.kind().tag());
            if (e.kind() == FailureKind.INVALID_INPUT || e.kind() == FailureKind.INTERRUPTED) {
                breaker.releasePermission(); // not the back end's fault: do not count it
            } else {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            }
            throw e;
        }
    }

    private BackendAnswer withTimeout(Map<String, Object> data) {
        Future<BackendAnswer> future = ATTEMPTS.submit(() -> backend.call(data));
        try {
            return future.get(settings.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransientBackendException(FailureKind.TIMEOUT,
                    "no answer within " + settings.attemptTimeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BackendException failure ? failure
                    : new TransientBackendException(FailureKind.SERVER_ERROR,
                            "back end threw " + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PermanentBackendException(FailureKind.INTERRUPTED, "interrupted while waiting", e);
        }
    }

    private Duration waitBefore(int attempt, TransientBackendException failure) {
        Duration retryAfter = failure.retryAfter().orElse(null);
        if (retryAfter == null) {
            return backoff.before(attempt);
        }
        if (retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
            // Waiting minutes would hold a job worker; the reference answers now and the job moves on.
            throw new PermanentBackendException(failure.kind(), "Retry-After of " + retryAfter.toSeconds()
                    + " s exceeds the " + settings.maxRetryAfter().toSeconds() + " s we wait", failure);
        }
        return retryAfter;
    }

    private void pause(Duration duration, BackendException failure) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermanentBackendException(FailureKind.INTERRUPTED, "interrupted during backoff after "
                    + failure.kind().tag(), e);
        }
    }
}
