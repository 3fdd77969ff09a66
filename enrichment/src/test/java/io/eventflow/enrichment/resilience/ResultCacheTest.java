package io.eventflow.enrichment.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventflow.enrichment.chemistry.FormulaAnalysis;
import io.eventflow.enrichment.result.ChemicalProperties;
import io.eventflow.enrichment.result.EnrichmentResult;
import io.eventflow.enrichment.result.Provenance;
import io.eventflow.enrichment.support.MutableClock;

class ResultCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final EnrichmentResult result = new EnrichmentResult(ChemicalProperties.unknown(0.5),
            FormulaAnalysis.invalid(null, "none"), Provenance.of("b", "m", "p", 1, null), clock.instant(), Map.of());

    @Test
    void evictsTheLeastRecentlyUsedEntry() {
        ResultCache cache = new ResultCache(2, Duration.ofHours(1), clock);
        cache.put("a", result);
        cache.put("b", result);
        cache.get("a");
        cache.put("c", result);

        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsNothingWhenDisabled() {
        ResultCache cache = new ResultCache(0, Duration.ofHours(1), clock);
        cache.put("a", result);

        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void keysDifferByModelAndPromptVersion() {
        assertThat(ResultCache.key("openai", "m1", "p1", "{}"))
                .isNotEqualTo(ResultCache.key("openai", "m2", "p1", "{}"))
                .isNotEqualTo(ResultCache.key("openai", "m1", "p2", "{}"))
                .isEqualTo(ResultCache.key("openai", "m1", "p1", "{}"));
    }
}
