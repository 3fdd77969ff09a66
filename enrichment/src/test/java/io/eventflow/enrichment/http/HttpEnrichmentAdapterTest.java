package io.eventflow.enrichment.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventflow.enrichment.EnrichmentFactory;
import io.eventflow.enrichment.EnrichmentMetrics;
import io.eventflow.enrichment.EnrichmentSettings;
import io.eventflow.enrichment.backend.BackendAnswer;
import io.eventflow.enrichment.backend.BackendException;
import io.eventflow.enrichment.backend.FailureKind;
import io.eventflow.enrichment.support.FakeServer;
import io.eventflow.enrichment.support.RecordingSleeper;

class HttpEnrichmentAdapterTest {

    // What the old service answered: the properties plus fields it echoed.
    private static final String OLD_ANSWER = """
            {"color": "white", "ph": 7.0, "boiling_point": "1465°C", "melting_point": "801°C",
             "density": "2.17 g/cm³", "solubility": "36 g/100mL water", "toxicity": "low toxicity",
             "analysis_timestamp": "2024-01-01T00:00:00", "confidence_score": 0.95, "model_version": "v1",
             "extracted_from": {"formula": "NaCl"}}""";

    private final FakeServer server = FakeServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpEnrichmentAdapter adapter(String apiKey) {
        return new HttpEnrichmentAdapter(new HttpSettings(server.url() + "/", apiKey, Duration.ofSeconds(5), null),
                Clock.systemUTC());
    }

    @Test
    void postsPromptAndChemicalDataToExtractProperties() throws Exception {
        server.then(FakeServer.Reply.json(200, OLD_ANSWER));

        adapter("secret").call(Map.of("formula", "NaCl"));

        FakeServer.Received request = server.received().getFirst();
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/extract-properties");
        assertThat(request.authorization()).isEqualTo("Bearer secret");
        assertThat(body.path("prompt").asText()).isNotBlank();
        assertThat(body.path("chemical_data").toString()).isEqualTo("{\"formula\":\"NaCl\"}");
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() {
        server.then(FakeServer.Reply.json(200, OLD_ANSWER));

        adapter(null).call(Map.of("formula", "NaCl"));

        assertThat(server.received().getFirst().authorization()).isNull();
    }

    @Test
    void takesTheContractFieldsOfTheOldAnswer() {
        server.then(FakeServer.Reply.json(200, OLD_ANSWER));

        BackendAnswer answer = adapter(null).call(Map.of("formula", "NaCl"));

        assertThat(answer.properties().color()).isEqualTo("white");
        assertThat(answer.properties().solubility()).isEqualTo("36 g/100mL water");
    }

    @Test
    void rejectsAnAnswerMissingProperties() {
        server.then(FakeServer.Reply.json(200, "{\"color\": \"white\"}"));

        BackendException failure = catchThrowableOfType(BackendException.class,
                () -> adapter(null).call(Map.of("formula", "NaCl")));

        assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_ANSWER);
    }

    @Test
    void reportsUnavailableServiceAsTransient() {
        server.then(FakeServer.Reply.json(503, "{\"detail\": \"down\"}"));

        BackendException failure = catchThrowableOfType(BackendException.class,
                () -> adapter(null).call(Map.of("formula", "NaCl")));

        assertThat(failure.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void fallsBackWhenTheServiceIsGone() {
        String url = server.url();
        server.close();
        EnrichmentSettings settings = new EnrichmentSettings("http", null,
                new HttpSettings(url, null, Duration.ofSeconds(2), null), null);

        Map<String, Object> result = EnrichmentFactory.create(settings, Clock.systemUTC(), EnrichmentMetrics.NONE,
                new RecordingSleeper()).extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(result).contains(entry("fallback", true), entry("backend", "reference"), entry("color", "white"));
        assertThat((String) result.get("fallback_reason")).startsWith("http connection");
    }

    @Test
    void requiresAUrl() {
        assertThatThrownBy(() -> new HttpSettings(" ", null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
