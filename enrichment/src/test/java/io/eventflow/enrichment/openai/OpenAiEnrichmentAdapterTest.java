package io.eventflow.enrichment.openai;

import static io.eventflow.enrichment.support.ChatCompletions.WATER;
import static io.eventflow.enrichment.support.ChatCompletions.answer;
import static io.eventflow.enrichment.support.ChatCompletions.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventflow.enrichment.backend.BackendAnswer;
import io.eventflow.enrichment.backend.BackendException;
import io.eventflow.enrichment.backend.FailureKind;
import io.eventflow.enrichment.backend.TransientBackendException;
import io.eventflow.enrichment.support.FakeServer;

class OpenAiEnrichmentAdapterTest {

    private static final Map<String, Object> WATER_DATA = Map.of("formula", "H2O", "sample", "tap");

    private final FakeServer server = FakeServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private OpenAiEnrichmentAdapter adapter(String responseFormat, Duration timeout) {
        return new OpenAiEnrichmentAdapter(new OpenAiSettings(server.url() + "/v1", "test-model", "sk-test",
                timeout, 300, responseFormat, false), Clock.systemUTC());
    }

    private OpenAiEnrichmentAdapter adapter() {
        return adapter(null, Duration.ofSeconds(5));
    }

    @Test
    void parsesAWellFormedAnswerAndCountsTokens() {
        server.then(answer(WATER));

        BackendAnswer result = adapter().call(WATER_DATA);

        assertThat(result.properties().color()).isEqualTo("colorless");
        assertThat(result.properties().ph()).isEqualTo(7.0);
        assertThat(result.properties().density()).isEqualTo("0.997 g/cm³");
        assertThat(result.properties().confidenceScore()).isEqualTo(0.9);
        assertThat(result.tokens()).isEqualTo(80L);
    }

    @Test
    void sendsModelPromptKeyAndJsonSchemaOnTheWire() throws Exception {
        server.then(answer(WATER));

        adapter().call(WATER_DATA);

        FakeServer.Received request = server.received().getFirst();
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test");
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText())
                .contains("{\"formula\":\"H2O\",\"sample\":\"tap\"}");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/schema/required").toString()).contains("boiling_point");
    }

    @Test
    void asksOnlyForAJsonObjectWhenConfigured() throws Exception {
        server.then(answer(WATER));

        adapter(OpenAiSettings.JSON_OBJECT, Duration.ofSeconds(5)).call(WATER_DATA);

        JsonNode body = new ObjectMapper().readTree(server.received().getFirst().body());
        assertThat(body.path("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
    }

    @Test
    void rejectsMalformedJson() {
        server.then(answer("{\"color\": \"colorless\", \"ph\": 7.0,"));

        assertThat(failure().kind()).isEqualTo(FailureKind.INVALID_ANSWER);
    }

    @Test
    void rejectsJsonThatViolatesTheSchema() {
        server.then(answer(WATER.replace("7.0", "\"seven\"")));

        BackendException failure = failure();

        assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_ANSWER);
        assertThat(failure.getMessage()).contains("schema").contains("ph");
    }

    @Test
    void rejectsMissingAndUnexpectedProperties() {
        server.then(answer("{\"color\": \"red\"}"), answer(WATER.replace("}", ", \"run\": \"rm -rf /\"}")));

        assertThat(failure().kind()).isEqualTo(FailureKind.INVALID_ANSWER);
        assertThat(failure().kind()).isEqualTo(FailureKind.INVALID_ANSWER);
    }

    @Test
    void rejectsOverlongStringsAndOversizedAnswers() {
        server.then(answer(WATER.replace("colorless", "x".repeat(513))),
                answer(" ".repeat(17 * 1024) + WATER));

        assertThat(failure().getMessage()).contains("512");
        assertThat(failure().getMessage()).contains("exceeds");
    }

    @Test
    void escapesModelTextInFailureMessages() {
        server.then(answer(WATER.replace("}", ", \"evil\\nFAKE LOG LINE\": 1}")));

        assertThat(failure().getMessage()).doesNotContain("\n").contains("\\u000a");
    }

    @Test
    void reportsRateLimitWithRetryAfter() {
        server.then(error(429, "slow down").header("Retry-After", "7"));

        TransientBackendException failure = (TransientBackendException) failure();

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void reportsServerErrorAsTransient() {
        server.then(error(500, "boom"));

        BackendException failure = failure();

        assertThat(failure.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void reportsBadKeyAsPermanent() {
        server.then(error(401, "bad key"));

        BackendException failure = failure();

        assertThat(failure.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void reportsTimeout() {
        server.then(answer(WATER).hanging());

        BackendException failure = catchThrowableOfType(BackendException.class,
                () -> adapter(null, Duration.ofMillis(300)).call(WATER_DATA));

        assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void rejectsABodyThatIsNotAChatCompletion() {
        server.then(FakeServer.Reply.json(200, "<html>proxy login</html>"));

        assertThat(failure().kind()).isEqualTo(FailureKind.INVALID_ANSWER);
    }

    private BackendException failure() {
        return catchThrowableOfType(BackendException.class, () -> adapter().call(WATER_DATA));
    }
}
