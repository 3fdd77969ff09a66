package io.eventflow.subscriber.enrichment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import io.eventflow.enrichment.support.ChatCompletions;
import io.eventflow.enrichment.support.FakeServer;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chemical events enriched by the openai back end, pointed at a local server that speaks the real
 * chat-completions wire format: a good answer is stored as the model's, a failing model still stores
 * the event, with the reference fallback recorded.
 */
@ExtendWith({Infrastructure.class, OpenAiEnrichmentIT.ModelUrl.class})
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.enrichment.backend", value = "openai")
@AddConfig(key = "eventflow.enrichment.openai.model", value = "test-model")
@AddConfig(key = "eventflow.enrichment.max-attempts", value = "2")
@AddConfig(key = "eventflow.enrichment.initial-backoff", value = "PT0.05S")
@AddConfig(key = "eventflow.enrichment.attempt-timeout", value = "PT1S")
@AddConfig(key = "eventflow.enrichment.openai.timeout", value = "PT1S")
@AddConfig(key = "eventflow.enrichment.cache.size", value = "0")
class OpenAiEnrichmentIT {

    private static final String BASE_URL_KEY = "eventflow.enrichment.openai.base-url";
    private static final FakeServer MODEL = FakeServer.start();

    @Inject
    private WebTarget target;

    /** Points the subscriber at the local model before the container reads its configuration. */
    static final class ModelUrl implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            System.setProperty(BASE_URL_KEY, MODEL.url() + "/v1");
        }
    }

    @AfterAll
    static void stopModel() {
        System.clearProperty(BASE_URL_KEY);
        MODEL.close();
    }

    @Test
    void storesTheModelsValidatedAnswerNamingItsBackend() throws Exception {
        MODEL.then(ChatCompletions.answer(ChatCompletions.WATER));

        Map<?, ?> properties = awaitStoredProperties("H2O");

        assertThat(properties.get("backend")).isEqualTo("openai");
        assertThat(properties.get("model")).isEqualTo("test-model");
        assertThat(properties.get("fallback")).isEqualTo(false);
        assertThat(properties.get("color")).isEqualTo("colorless");
    }

    @Test
    void storesTheEventWithTheReferenceFallbackWhenTheModelFails() throws Exception {
        MODEL.otherwise(ChatCompletions.error(500, "model crashed"));

        Map<?, ?> properties = awaitStoredProperties("NaCl");

        assertThat(properties.get("fallback")).isEqualTo(true);
        assertThat(properties.get("fallback_reason")).isNotNull();
        assertThat(properties.get("color")).isEqualTo("white");
        assertThat(properties.get("molecular_weight")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingModels")
    void storesTheEventWithTheRecordedFallbackWhateverTheModelDoes(String name, FakeServer.Reply reply) throws Exception {
        MODEL.then(reply, reply);

        Map<?, ?> properties = awaitStoredProperties("CO2");

        assertThat(properties.get("fallback")).as(name).isEqualTo(true);
        assertThat(properties.get("fallback_reason")).as(name).isNotNull();
        assertThat(properties.get("color")).as(name).isEqualTo("colorless");
        assertThat(properties.get("ph")).as(name).isEqualTo(5.6);
    }

    static Stream<Arguments> failingModels() {
        return Stream.of(
                Arguments.of("malformed JSON", ChatCompletions.answer("{not json")),
                Arguments.of("schema-violating JSON", ChatCompletions.answer("{\"color\": 42}")),
                Arguments.of("429 with Retry-After", ChatCompletions.error(429, "slow down").header("Retry-After", "60")),
                Arguments.of("500", ChatCompletions.error(500, "model crashed")),
                Arguments.of("timeout", ChatCompletions.answer(ChatCompletions.WATER).hanging()));
    }

    @Test
    void countsModelCallsOnMetrics() throws Exception {
        MODEL.then(ChatCompletions.answer(ChatCompletions.WATER));
        awaitStoredProperties("CH4");

        String metrics = target.path("/metrics").request("text/plain").get(String.class);

        assertThat(metrics).containsPattern("enrichment_calls_total\\{.*backend=\"openai\".*} [1-9]");
        assertThat(metrics).contains("enrichment_latency");
    }

    private Map<?, ?> awaitStoredProperties(String formula) throws Exception {
        String researcher = "Dr-" + UUID.randomUUID();
        String value = """
                {"type":"chemical_research","event_id":"%s","molecule_id":"mol-1","researcher":"%s",
                 "data":{"formula":"%s"},"timestamp":"2024-01-01T12:00:00Z"}""".formatted(UUID.randomUUID(), researcher, formula);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("eventflow.events", "mol-1", value)).get();
        }
        List<?> events = await().atMost(Duration.ofSeconds(60)).until(
                () -> (List<?>) target.path("/api/v1/events/researcher/" + researcher).request().get(Map.class).get("events"),
                list -> !list.isEmpty());
        return (Map<?, ?>) ((Map<?, ?>) events.get(0)).get("llm_properties");
    }
}
