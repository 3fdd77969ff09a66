package io.eventflow.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.eventflow.enrichment.openai.OpenAiSettings;
import io.eventflow.enrichment.reference.ReferenceEnrichmentAdapter;
import io.eventflow.enrichment.resilience.ResilienceSettings;
import io.eventflow.enrichment.resilience.ResilientEnrichment;

class EnrichmentFactoryTest {

    @Test
    void defaultsToTheReferenceBackEnd() {
        assertThat(EnrichmentFactory.create(EnrichmentSettings.defaults(), Clock.systemUTC(), null))
                .isInstanceOf(ReferenceEnrichmentAdapter.class);
        assertThat(new EnrichmentSettings(null, null, null, null).backend()).isEqualTo("reference");
    }

    @Test
    void wrapsRemoteBackEndsInTheResilientDecorator() {
        EnrichmentSettings openai = new EnrichmentSettings("OpenAI", null, null, null);

        assertThat(EnrichmentFactory.create(openai, Clock.systemUTC(), EnrichmentMetrics.NONE))
                .isInstanceOf(ResilientEnrichment.class);
    }

    @Test
    void rejectsUnknownBackEndsAndHttpWithoutUrl() {
        assertThatThrownBy(() -> new EnrichmentSettings("gpt", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference, openai or http");
        assertThatThrownBy(() -> new EnrichmentSettings("http", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
    }

    @Test
    void fillsInDefaults() {
        OpenAiSettings openai = OpenAiSettings.defaults();
        ResilienceSettings resilience = ResilienceSettings.defaults();

        assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(openai.responseFormat()).isEqualTo("json_schema");
        assertThat(resilience.maxAttempts()).isEqualTo(3);
        assertThat(resilience.cacheSize()).isEqualTo(1000);
        assertThat(resilience.breakerMinimumCalls()).isEqualTo(5);
    }

    @Test
    void neverPrintsTheApiKey() {
        OpenAiSettings openai = new OpenAiSettings(null, null, "sk-secret", null, 0, null, false);

        assertThat(openai.toString()).doesNotContain("sk-secret");
    }
}
