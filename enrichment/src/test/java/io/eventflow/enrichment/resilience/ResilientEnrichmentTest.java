package io.eventflow.enrichment.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.eventflow.enrichment.backend.BackendAnswer;
import io.eventflow.enrichment.backend.EnrichmentBackend;
import io.eventflow.enrichment.backend.FailureKind;
import io.eventflow.enrichment.backend.PermanentBackendException;
import io.eventflow.enrichment.backend.TransientBackendException;
import io.eventflow.enrichment.reference.ReferenceEnrichmentAdapter;
import io.eventflow.enrichment.result.ChemicalProperties;
import io.eventflow.enrichment.support.MutableClock;
import io.eventflow.enrichment.support.RecordingMetrics;
import io.eventflow.enrichment.support.RecordingSleeper;

class ResilientEnrichmentTest {

    private static final ChemicalProperties SALT = new ChemicalProperties("white", 7.0, "1465°C", "801°C",
            "2.17 g/cm³", "soluble", "low", 0.8);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingMetrics metrics = new RecordingMetrics();

    /** A back end answering by a script; counts its calls. */
    private static final class ScriptedBackend implements EnrichmentBackend {
        final AtomicInteger calls = new AtomicInteger();
        final Function<Integer, BackendAnswer> script;

        ScriptedBackend(Function<Integer, BackendAnswer> script) {
            this.script = script;
        }

        @Override public String name() { return "fake"; }
        @Override public String model() { return "fake-model"; }
        @Override public String promptVersion() { return "p1"; }

        @Override
        public BackendAnswer call(Map<String, Object> data) {
            return script.apply(calls.incrementAndGet());
        }
    }

    private ResilientEnrichment resilient(EnrichmentBackend backend, ResilienceSettings settings) {
        return new ResilientEnrichment(backend, new ReferenceEnrichmentAdapter(clock), settings, clock, metrics,
                sleeper);
    }

    @Test
    void doesNotRetryPermanentFailures() {
        ScriptedBackend backend = new ScriptedBackend(n -> {
            throw new PermanentBackendException(FailureKind.UNAUTHORIZED, "bad key");
        });

        Map<String, Object> result = resilient(backend, ResilienceSettings.defaults())
                .extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(result).contains(entry("fallback", true), entry("fallback_reason", "fake unauthorized: bad key"));
        assertThat(backend.calls).hasValue(1);
    }

    @Test
    void capsTheBackoffAtItsMaximum() {
        ScriptedBackend backend = new ScriptedBackend(n -> {
            throw new TransientBackendException(FailureKind.CONNECTION, "refused", null);
        });
        ResilienceSettings settings = new ResilienceSettings(null, 5, Duration.ofSeconds(1), Duration.ofSeconds(3),
                null, 0, 0, 0, null, -1, null);

        resilient(backend, settings).extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(backend.calls).hasValue(5);
    }

    @Test
    void abandonsABackEndThatHangsPastTheAttemptTimeout() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        ScriptedBackend backend = new ScriptedBackend(n -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new BackendAnswer(SALT, null);
        });
        ResilienceSettings settings = new ResilienceSettings(Duration.ofMillis(100), 2, null, null, null, 0, 0, 0,
                null, -1, null);

        Map<String, Object> result = resilient(backend, settings).extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(result).contains(entry("fallback", true));
        assertThat((String) result.get("fallback_reason")).startsWith("fake timeout");
        assertThat(metrics.failures).containsExactly("timeout", "timeout");
        never.countDown();
    }

    @Test
    void fallsBackEvenWhenTheBackEndThrowsSomethingUnexpected() {
        ScriptedBackend backend = new ScriptedBackend(n -> {
            throw new IllegalStateException("bug");
        });

        Map<String, Object> result = resilient(backend, ResilienceSettings.defaults())
                .extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(result).contains(entry("fallback", true), entry("color", "white"));
    }

    @Test
    void fallsBackForDataThatCannotBeSerialised() {
        ScriptedBackend backend = new ScriptedBackend(n -> new BackendAnswer(SALT, 10L));

        Map<String, Object> result = resilient(backend, ResilienceSettings.defaults())
                .extractChemicalProperties(Map.of("formula", "NaCl", "blob", new Object()));

        assertThat(result).contains(entry("fallback", true), entry("formula_valid", true));
        assertThat(backend.calls).hasValue(0);
    }

    @Test
    void expiresCachedAnswersAfterTheirTtl() {
        ScriptedBackend backend = new ScriptedBackend(n -> new BackendAnswer(SALT, 10L));
        ResilientEnrichment port = resilient(backend, new ResilienceSettings(null, 0, null, null, null, 0, 0, 0,
                null, 10, Duration.ofHours(1)));

        port.extractChemicalProperties(Map.of("formula", "NaCl"));
        port.extractChemicalProperties(Map.of("formula", "NaCl"));
        clock.advance(Duration.ofHours(2));
        port.extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(backend.calls).hasValue(2);
        assertThat(metrics.cacheHits).hasValue(1);
    }

    @Test
    void reportsCallsTokensAndLatency() {
        ScriptedBackend backend = new ScriptedBackend(n -> new BackendAnswer(SALT, 42L));

        resilient(backend, ResilienceSettings.defaults()).extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(metrics.calls).hasValue(1);
        assertThat(metrics.tokens).hasValue(42);
        assertThat(metrics.latencies).hasSize(1);
        assertThat(metrics.fallbacks).isEmpty();
    }

    @Test
    void reportsTheCircuitState() {
        ScriptedBackend backend = new ScriptedBackend(n -> {
            throw new TransientBackendException(FailureKind.SERVER_ERROR, "down", null);
        });
        ResilientEnrichment port = resilient(backend, new ResilienceSettings(null, 1, null, null, null, 2, 2, 100,
                null, 0, null));

        port.extractChemicalProperties(Map.of("formula", "NaCl"));
        assertThat(port.circuitState()).isEqualTo("CLOSED");
        port.extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(port.circuitState()).isEqualTo("OPEN");
    }
}
