package io.eventflow.enrichment;

import static io.eventflow.enrichment.support.ChatCompletions.WATER;
import static io.eventflow.enrichment.support.ChatCompletions.answer;
import static io.eventflow.enrichment.support.ChatCompletions.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventflow.enrichment.resilience.ResilienceSettings;
import io.eventflow.enrichment.support.OpenAiFixture;

/** The openai back end through the factory, against a local chat-completions server: never an exception. */
class OpenAiEnrichmentFlowTest {

    static final Map<String, Object> WATER_DATA = Map.of("formula", "H2O");

    private final OpenAiFixture fixture = new OpenAiFixture();

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    @Test
    void storesTheModelsValidatedAnswerWithProvenanceAndComputedChemistry() {
        fixture.server.then(answer(WATER));

        Map<String, Object> result = fixture.port().extractChemicalProperties(WATER_DATA);

        assertThat(result).contains(entry("backend", "openai"), entry("model", "test-model"),
                entry("model_version", "test-model"), entry("prompt_version", "chem-props-v1"),
                entry("fallback", false), entry("cached", false), entry("tokens", 80L),
                entry("density", "0.997 g/cm³"), entry("confidence_score", 0.9),
                entry("molecular_weight", 18.015), entry("formula_valid", true),
                entry("analysis_timestamp", "2024-01-01T12:00:00Z"), entry("extracted_from", WATER_DATA));
        assertThat(result).containsKey("latency_ms");
        assertThat(fixture.metrics.tokens).hasValue(80);
    }

    @Test
    void fallsBackOnMalformedJsonWithoutRetrying() {
        fixture.server.then(answer("{not json"));

        Map<String, Object> result = fixture.port().extractChemicalProperties(WATER_DATA);

        assertFallback(result, "invalid_answer");
        assertThat(result).contains(entry("density", "1.0 g/cm³"));
        assertThat(fixture.server.requestCount()).isEqualTo(1);
    }

    @Test
    void fallsBackOnSchemaViolatingJson() {
        fixture.server.then(answer("{\"color\": 42}"));

        assertFallback(fixture.port().extractChemicalProperties(WATER_DATA), "invalid_answer");
    }

    @Test
    void fallsBackWhenTheAnswerHoldsANulTheDatabaseCouldNotStore() {
        fixture.server.then(answer(WATER.replace("non-toxic", "non-toxic\\u0000")));

        Map<String, Object> result = fixture.port().extractChemicalProperties(WATER_DATA);

        assertFallback(result, "invalid_answer");
        assertThat(result.toString()).doesNotContain("\0");
        assertThat(fixture.server.requestCount()).isEqualTo(1);
    }

    @Test
    void honoursRetryAfterOn429ThenStoresTheAnswer() {
        fixture.server.then(error(429, "rate limited").header("Retry-After", "2"), answer(WATER));

        Map<String, Object> result = fixture.port().extractChemicalProperties(WATER_DATA);

        assertThat(result).contains(entry("backend", "openai"), entry("fallback", false));
        assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(fixture.server.requestCount()).isEqualTo(2);
    }

    @Test
    void fallsBackAtOnceWhenRetryAfterIsTooLong() {
        fixture.server.then(error(429, "come back tomorrow").header("Retry-After", "86400"), answer(WATER));

        assertFallback(fixture.port().extractChemicalProperties(WATER_DATA), "rate_limited");
        assertThat(fixture.sleeper.waits()).isEmpty();
        assertThat(fixture.server.requestCount()).isEqualTo(1);
    }

    @Test
    void retriesServerErrorsWithExponentialBackoffThenFallsBack() {
        fixture.server.otherwise(error(500, "boom"));

        Map<String, Object> result = fixture.port().extractChemicalProperties(WATER_DATA);

        assertFallback(result, "server_error");
        assertThat(fixture.server.requestCount()).isEqualTo(3);
        assertThat(fixture.sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(fixture.metrics.failures).containsExactly("server_error", "server_error", "server_error");
        assertThat(fixture.metrics.fallbacks).containsExactly("server_error");
    }

    @Test
    void recoversWhenARetrySucceeds() {
        fixture.server.then(error(503, "warming up"), answer(WATER));

        assertThat(fixture.port().extractChemicalProperties(WATER_DATA)).contains(entry("fallback", false));
    }

    @Test
    void fallsBackOnTimeout() {
        fixture.server.otherwise(answer(WATER).hanging());

        Map<String, Object> result = fixture.port(OpenAiFixture.attempts(1), Duration.ofMillis(300))
                .extractChemicalProperties(WATER_DATA);

        assertFallback(result, "timeout");
        // The server records a request when its handler runs, which may trail the client's timeout.
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.server.requestCount() == 1);
    }

    @Test
    void enforcesTheAttemptTimeoutEvenWhenTheClientWouldWaitLonger() {
        fixture.server.otherwise(answer(WATER).hanging());
        ResilienceSettings tight = new ResilienceSettings(Duration.ofMillis(200), 1, null, null, null, 0, 0, 0, null,
                -1, null);

        long started = System.nanoTime();
        Map<String, Object> result = fixture.port(tight, Duration.ofSeconds(30)).extractChemicalProperties(WATER_DATA);

        assertFallback(result, "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    static void assertFallback(Map<String, Object> result, String kind) {
        assertThat(result).contains(entry("fallback", true), entry("backend", "reference"),
                entry("color", "colorless"), entry("molecular_weight", 18.015));
        assertThat((String) result.get("fallback_reason")).startsWith("openai " + kind);
    }
}
