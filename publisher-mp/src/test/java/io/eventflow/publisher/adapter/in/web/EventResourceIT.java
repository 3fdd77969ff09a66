package io.eventflow.publisher.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.eventflow.testing.Infrastructure;
import io.eventflow.web.ShutdownDrainFilter;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The publisher against a real Kafka broker: what a client sees and what lands on the topic. */
@ExtendWith(Infrastructure.class)
@HelidonTest
class EventResourceIT {

    private static final String TOPIC = "eventflow.events";

    @Inject
    private WebTarget target;

    @Test
    void publishesAnalyticsEventKeyedByUserWithHeaders() {
        String userId = "user-" + UUID.randomUUID();
        Response response = post("/api/v1/events/analytics", """
                {"user_id":"%s","event_type":"page_view","timestamp":"2024-01-01T12:00:00Z","metadata":{"page":"/home"}}
                """.formatted(userId), "corr-123");

        assertThat(response.getStatus()).isEqualTo(202);
        Map<?, ?> body = response.readEntity(Map.class);
        assertThat(body.get("message")).isEqualTo("Event published");
        String eventId = (String) body.get("event_id");
        assertThat(UUID.fromString(eventId)).isNotNull();
        assertThat(response.getHeaderString("X-Correlation-Id")).isEqualTo("corr-123");
        assertThat(response.getHeaderString("X-Process-Time")).isNotBlank();

        ConsumerRecord<String, String> record = awaitRecordWithKey(userId);
        assertThat(record.value()).contains("\"type\":\"user_analytics\"").contains("\"event_id\":\"" + eventId + "\"")
                .contains("\"published_at\"").contains("\"page\":\"/home\"");
        assertThat(header(record, "event-id")).isEqualTo(eventId);
        assertThat(header(record, "event-type")).isEqualTo("user_analytics");
        assertThat(header(record, "correlation-id")).isEqualTo("corr-123");
    }

    @Test
    void publishesChemicalEventKeyedByMolecule() {
        String moleculeId = "mol-" + UUID.randomUUID();
        Response response = post("/api/v1/events/chemical", """
                {"molecule_id":"%s","researcher":"Dr. Smith","data":{"formula":"H2O"},"timestamp":"2024-01-01T12:00:00+02:00"}
                """.formatted(moleculeId), null);

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(awaitRecordWithKey(moleculeId).value()).contains("\"researcher\":\"Dr. Smith\"");
    }

    @Test
    void returns422NamingEachMissingField() {
        Response response = post("/api/v1/events/analytics", "{\"event_type\":\"click\"}", null);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        String body = response.readEntity(String.class);
        assertThat(body).contains("\"field\":\"user_id\"").contains("\"field\":\"timestamp\"").contains("is required");
    }

    @Test
    void returns422WhenTimestampIsNotIso8601() {
        Response response = post("/api/v1/events/analytics",
                "{\"user_id\":\"u1\",\"event_type\":\"click\",\"timestamp\":\"2024-01-01 12:00:00\"}", null);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"timestamp\"").contains("ISO-8601");
    }

    @Test
    void returns422NamingEachFieldOfTheWrongJsonType() {
        Response response = post("/api/v1/events/chemical",
                "{\"molecule_id\":42,\"researcher\":\"Dr. Smith\",\"data\":[1,2],\"timestamp\":\"2024-01-01T12:00:00Z\"}",
                null);

        assertThat(response.getStatus()).isEqualTo(422);
        String body = response.readEntity(String.class);
        assertThat(body).contains("\"field\":\"molecule_id\"").contains("must be a string, but was number")
                .contains("\"field\":\"data\"").contains("must be an object, but was array");
    }

    @Test
    void returns404ForUnknownRoute() {
        Response response = target.path("/api/v1/nothing-here").request().get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(String.class)).containsIgnoringCase("not found");
    }

    @Test
    void returns422ForMalformedJson() {
        Response response = post("/api/v1/events/chemical", "{\"molecule_id\": ", null);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("is not valid JSON");
    }

    @Test
    void returns415ForWrongContentType() {
        Response response = target.path("/api/v1/events/analytics").request()
                .post(Entity.entity("user_id=u1", MediaType.APPLICATION_FORM_URLENCODED));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.readEntity(String.class)).contains("Content-Type: application/json");
    }

    @Test
    void servesTheContractHealthz() {
        Map<?, ?> body = target.path("/healthz").request().get(Map.class);

        assertThat(body.get("status")).isEqualTo("ok");
        assertThat(body.get("service")).isEqualTo("event_publisher");
        assertThat(body.get("version")).isNotNull();
    }

    @Test
    void isReadyWhileTheBrokerAnswers() {
        Response response = target.path("/health/ready").request().get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(String.class)).contains("\"name\":\"kafka\"").contains("\"status\":\"UP\"");
    }

    @Test
    void countsAcceptedAndRejectedEventsPerType() {
        post("/api/v1/events/analytics", "{}", null);
        post("/api/v1/events/analytics",
                "{\"user_id\":\"u-m\",\"event_type\":\"click\",\"timestamp\":\"2024-01-01T12:00:00Z\"}", null);

        String metrics = target.path("/metrics").request("text/plain").get(String.class);

        assertThat(metrics).containsPattern("events_rejected_total\\{.*type=\"user_analytics\".*} [1-9]");
        assertThat(metrics).containsPattern("events_accepted_total\\{.*type=\"user_analytics\".*} [1-9]");
        assertThat(metrics).contains("events_publish_latency");
    }

    @Test
    void whileShuttingDownAnswers503AndClosesTheConnectionInsteadOfTakingTheEvent() {
        String json = """
                {"user_id":"user-drain","event_type":"page_view","timestamp":"2024-01-01T12:00:00Z","metadata":{}}
                """;
        ShutdownDrainFilter.setDraining(true);
        Response draining;
        try {
            draining = post("/api/v1/events/analytics", json, null);
        } finally {
            ShutdownDrainFilter.setDraining(false);
        }

        assertThat(draining.getStatus()).isEqualTo(503);
        assertThat(draining.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(draining.getHeaderString("Connection")).isEqualTo("close");
        assertThat(draining.readEntity(String.class)).contains("Shutting down").contains("send the request again");
        assertThat(post("/api/v1/events/analytics", json, null).getStatus()).as("after the drain test").isEqualTo(202);
    }

    private Response post(String path, String json, String correlationId) {
        var request = target.path(path).request();
        if (correlationId != null) {
            request = request.header("X-Correlation-Id", correlationId);
        }
        return request.post(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, String> awaitRecordWithKey(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "publisher-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
