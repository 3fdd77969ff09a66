package io.eventflow.enrichment.support;

import java.time.Duration;
import java.time.Instant;

import io.eventflow.enrichment.EnrichmentFactory;
import io.eventflow.enrichment.EnrichmentSettings;
import io.eventflow.enrichment.openai.OpenAiSettings;
import io.eventflow.enrichment.resilience.ResilienceSettings;
import io.eventflow.processing.application.port.out.EnrichmentPort;

/** The openai back end built by the factory against a local server, with recorded waits and metrics. */
public final class OpenAiFixture implements AutoCloseable {

    public final FakeServer server = FakeServer.start();
    public final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T12:00:00Z"));
    public final RecordingSleeper sleeper = new RecordingSleeper();
    public final RecordingMetrics metrics = new RecordingMetrics();

    /** The port with the given resilience and client timeout. */
    public EnrichmentPort port(ResilienceSettings resilience, Duration clientTimeout) {
        OpenAiSettings openai = new OpenAiSettings(server.url() + "/v1", "test-model", "sk-test", clientTimeout, 0,
                null, false);
        return EnrichmentFactory.create(new EnrichmentSettings("openai", openai, null, resilience), clock, metrics,
                sleeper);
    }

    /** The port with default resilience and a 5 s client timeout. */
    public EnrichmentPort port() {
        return port(ResilienceSettings.defaults(), Duration.ofSeconds(5));
    }

    /** Resilience settings with the given attempt count and everything else default. */
    public static ResilienceSettings attempts(int maxAttempts) {
        return new ResilienceSettings(null, maxAttempts, null, null, null, 0, 0, 0, null, -1, null);
    }

    @Override
    public void close() {
        server.close();
    }
}
