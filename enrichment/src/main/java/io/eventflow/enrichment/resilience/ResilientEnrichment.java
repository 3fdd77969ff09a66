package io.eventflow.enrichment.resilience;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.eventflow.enrichment.EnrichmentMetrics;
import io.eventflow.enrichment.backend.BackendAnswer;
import io.eventflow.enrichment.backend.BackendException;
import io.eventflow.enrichment.backend.DataJson;
import io.eventflow.enrichment.backend.EnrichmentBackend;
import io.eventflow.enrichment.chemistry.FormulaAnalyzer;
import io.eventflow.enrichment.reference.ReferenceEnrichmentAdapter;
import io.eventflow.enrichment.result.EnrichmentResult;
import io.eventflow.enrichment.result.Provenance;
import io.eventflow.processing.application.port.out.EnrichmentPort;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The port in front of a remote back end: answers identical inputs from a cache, retries transient
 * failures, stops calling a failing back end (circuit breaker), and otherwise lets the reference
 * table answer, marked {@code fallback: true} with a {@code fallback_reason}. It never throws.
 */
public final class ResilientEnrichment implements EnrichmentPort {

    private static final Logger LOG = System.getLogger(ResilientEnrichment.class.getName());

    private final EnrichmentBackend primary;
    private final ReferenceEnrichmentAdapter reference;
    private final RetryingCaller caller;
    private final CircuitBreaker breaker;
    private final ResultCache cache;
    private final FormulaAnalyzer analyzer;
    private final EnrichmentMetrics metrics;
    private final Clock clock;

    /** Wraps {@code primary}; {@code sleeper} waits between retries ({@link Sleeper#SYSTEM} in production). */
    public ResilientEnrichment(EnrichmentBackend primary, ReferenceEnrichmentAdapter reference,
                               ResilienceSettings settings, Clock clock, EnrichmentMetrics metrics, Sleeper sleeper) {
        this.primary = primary;
        this.reference = reference;
        this.clock = clock;
        this.metrics = metrics;
        this.analyzer = new FormulaAnalyzer();
        this.breaker = CircuitBreakers.create(primary.name(), settings, clock);
        this.caller = new RetryingCaller(primary, settings, breaker, sleeper, metrics);
        this.cache = new ResultCache(settings.cacheSize(), settings.cacheTtl(), clock);
    }

    @Override
    public Map<String, Object> extractChemicalProperties(Map<String, Object> data) {
        long started = System.nanoTime();
        Map<String, Object> input = data == null ? Map.of() : data;
        EnrichmentResult result;
        try {
            result = enrich(input, started);
        } catch (BackendException e) {
            result = fallback(input, e);
        } catch (RuntimeException e) {
            // A bug of ours must not fail the event either; the reference still answers.
            LOG.log(Level.ERROR, "Enrichment failed unexpectedly, answering from the reference table", e);
            metrics.fallback(primary.name(), "internal_error");
            EnrichmentResult table = reference.extract(input);
            result = table.withProvenance(
                    table.provenance().asFallback("internal error: " + e.getClass().getSimpleName()));
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        metrics.latency(result.provenance().backend(), Duration.ofMillis(elapsedMs));
        return result.withProvenance(result.provenance().withLatency(elapsedMs)).toMap();
    }

    /** The state of the circuit breaker ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}), for health checks. */
    public String circuitState() {
        return breaker.getState().name();
    }

    private EnrichmentResult enrich(Map<String, Object> data, long started) {
        String key = ResultCache.key(primary.name(), primary.model(), primary.promptVersion(),
                DataJson.canonical(data));
        Optional<EnrichmentResult> cached = cache.get(key);
        if (cached.isPresent()) {
            metrics.cacheHit(primary.name());
            return cached.get().withExtractedFrom(data).withProvenance(cached.get().provenance().asCached());
        }
        BackendAnswer answer = caller.call(data);
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        EnrichmentResult result = new EnrichmentResult(answer.properties(), analyzer.analyze(data.get("formula")),
                Provenance.of(primary.name(), primary.model(), primary.promptVersion(), latencyMs, answer.tokens()),
                clock.instant(), data);
        cache.put(key, result);
        return result;
    }

    private EnrichmentResult fallback(Map<String, Object> data, BackendException failure) {
        String reason = primary.name() + " " + failure.kind().tag() + ": " + failure.getMessage();
        metrics.fallback(primary.name(), failure.kind().tag());
        // The message was escaped when the exception was built; no model text reaches the log raw.
        LOG.log(Level.WARNING, "Enrichment by {0} ({1}) failed, answering from the reference table: {2}",
                primary.name(), primary.model(), reason);
        EnrichmentResult table = reference.extract(data);
        return table.withProvenance(table.provenance().asFallback(reason));
    }
}
