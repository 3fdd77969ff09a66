package io.eventflow.enrichment;

import static io.eventflow.enrichment.OpenAiEnrichmentFlowTest.WATER_DATA;
import static io.eventflow.enrichment.OpenAiEnrichmentFlowTest.assertFallback;
import static io.eventflow.enrichment.support.ChatCompletions.WATER;
import static io.eventflow.enrichment.support.ChatCompletions.answer;
import static io.eventflow.enrichment.support.ChatCompletions.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventflow.enrichment.resilience.ResilienceSettings;
import io.eventflow.enrichment.support.OpenAiFixture;
import io.eventflow.processing.application.port.out.EnrichmentPort;

/** The cache and the circuit breaker in front of the openai back end: fewer model calls. */
class CostControlFlowTest {

    private final OpenAiFixture fixture = new OpenAiFixture();

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    @Test
    void answersAnIdenticalInputFromTheCache() {
        fixture.server.then(answer(WATER));
        EnrichmentPort port = fixture.port();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("formula", "H2O");
        data.put("sample", "A");
        Map<String, Object> sameDataOtherOrder = new LinkedHashMap<>();
        sameDataOtherOrder.put("sample", "A");
        sameDataOtherOrder.put("formula", "H2O");

        port.extractChemicalProperties(data);
        Map<String, Object> second = port.extractChemicalProperties(sameDataOtherOrder);

        assertThat(fixture.server.requestCount()).isEqualTo(1);
        assertThat(second).contains(entry("cached", true), entry("backend", "openai"), entry("fallback", false),
                entry("extracted_from", sameDataOtherOrder));
        assertThat(fixture.metrics.cacheHits).hasValue(1);
    }

    @Test
    void asksAgainForDifferentData() {
        fixture.server.then(answer(WATER), answer(WATER));
        EnrichmentPort port = fixture.port();

        port.extractChemicalProperties(WATER_DATA);
        port.extractChemicalProperties(Map.of("formula", "H2O", "sample", "B"));

        assertThat(fixture.server.requestCount()).isEqualTo(2);
    }

    @Test
    void doesNotCacheFallbacks() {
        fixture.server.then(answer("{not json"), answer(WATER));
        EnrichmentPort port = fixture.port();

        port.extractChemicalProperties(WATER_DATA);
        Map<String, Object> second = port.extractChemicalProperties(WATER_DATA);

        assertThat(second).contains(entry("fallback", false), entry("backend", "openai"));
        assertThat(fixture.server.requestCount()).isEqualTo(2);
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndTriesAgainLater() {
        fixture.server.otherwise(error(500, "down"));
        ResilienceSettings breaker = new ResilienceSettings(null, 1, null, null, null, 3, 3, 100,
                Duration.ofSeconds(60), 0, null);
        EnrichmentPort port = fixture.port(breaker, Duration.ofSeconds(5));

        for (int i = 0; i < 3; i++) {
            assertFallback(port.extractChemicalProperties(WATER_DATA), "server_error");
        }
        assertFallback(port.extractChemicalProperties(WATER_DATA), "circuit_open");
        assertThat(fixture.server.requestCount()).isEqualTo(3);

        fixture.server.otherwise(answer(WATER));
        fixture.clock.advance(Duration.ofSeconds(61));
        assertThat(port.extractChemicalProperties(WATER_DATA)).contains(entry("fallback", false));
        assertThat(fixture.server.requestCount()).isEqualTo(4);
    }
}
