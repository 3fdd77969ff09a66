package io.eventflow.publisher.adapter.in.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits that match storage, checked at the edge: everything the database or the broker would refuse later is
 * refused now with a 4xx naming the field and the limit, never a 202 that then fails.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddBean(ClientFromHeaderFilter.class)
class InputLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANALYTICS = "/api/v1/events/analytics";
    private static final String CLOUDEVENTS = "application/cloudevents+json";

    @Inject
    private WebTarget target;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void a256CharacterUserIdIs422NamingTheFieldAndItsColumnSize() throws Exception {
        assertThat(post(ANALYTICS, analytics("u".repeat(255), "{}"), Map.of()).statusCode()).isEqualTo(202);

        HttpResponse<String> response = post(ANALYTICS, analytics("u".repeat(256), "{}"), Map.of());

        assertProblem(response, 422, "user_id", "must be at most 255 characters long");
    }

    @Test
    void aNulAnywhereInMetadataIs422() throws Exception {
        HttpResponse<String> response = post(ANALYTICS,
                analytics("user-1", "{\"a\":{\"b\":[\"ok\",\"x\\u0000y\"]}}"), Map.of());

        assertProblem(response, 422, "metadata.a.b[1]", "U+0000");
    }

    @Test
    void aNulInAPropertyNameIs422() throws Exception {
        HttpResponse<String> response = post(ANALYTICS, analytics("user-1", "{\"k\\u0000\":1}"), Map.of());

        assertProblem(response, 422, "metadata.k\\u0000", "U+0000");
    }

    @Test
    void aBodyThatIsNotUtf8Is400() throws Exception {
        byte[] valid = analytics("user-\u00e9", "{}").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = analytics("user-\u00e9", "{}").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(send(ANALYTICS, "application/json", valid, Map.of()).statusCode()).isEqualTo(202);
        HttpResponse<String> response = send(ANALYTICS, "application/json", latin1, Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("not valid UTF-8").contains("byte " + latin1String().indexOf('\u00e9'));
    }

    @Test
    void anEventOverTheSizeLimitIs413NamingTheLimit() throws Exception {
        String big = analytics("user-1", "{\"blob\":\"" + "x".repeat(300_000) + "\"}");

        HttpResponse<String> response = post(ANALYTICS, big, Map.of());

        assertProblem(response, 413, "", "at most 262144 bytes");
        assertThat(response.body()).contains("eventflow.publish.max-event-bytes");
    }

    @Test
    void aBatchMayCarryManyEventsButNoneOverTheSizeLimit() throws Exception {
        String member = "{\"type\":\"user_analytics\",\"user_id\":\"u\",\"event_type\":\"click\","
                + "\"timestamp\":\"2024-01-01T12:00:00Z\",\"metadata\":{\"blob\":\"%s\"}}";
        String batch = "[" + member.formatted("x".repeat(200_000)) + "," + member.formatted("x".repeat(200_000))
                + "," + member.formatted("x".repeat(300_000)) + "]";

        HttpResponse<String> response = post("/api/v1/events/batch", batch, Map.of());

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.path("rejected").asInt()).isEqualTo(1);
        assertThat(answer.path("results").get(2).path("status").asInt()).isEqualTo(413);
    }

    @Test
    void aCloudEventIdOf500KbIsRefusedNamingTheAttributeAndItsLimit() throws Exception {
        HttpResponse<String> response = post("/api/v1/events", cloudEvent("i".repeat(500_000), "/web", "x"),
                Map.of("Content-Type", CLOUDEVENTS));

        assertProblem(response, 422, "id", "must be at most 255 characters long");
    }

    @Test
    void aCloudEventSourceWithANulIsRefused() throws Exception {
        HttpResponse<String> response = post("/api/v1/events", cloudEvent("a-1", "/web\u0000", "x"),
                Map.of("Content-Type", CLOUDEVENTS));

        assertProblem(response, 422, "source", "U+0000");
    }

    @Test
    void anotherClientMayUseACloudEventIdOneClientUsed() throws Exception {
        String id = "shared-" + UUID.randomUUID();
        Map<String, String> clientA = Map.of("Content-Type", CLOUDEVENTS, ClientFromHeaderFilter.HEADER, "key-a");
        Map<String, String> clientB = Map.of("Content-Type", CLOUDEVENTS, ClientFromHeaderFilter.HEADER, "key-b");

        HttpResponse<String> first = post("/api/v1/events", cloudEvent(id, "/web", "click"), clientA);
        HttpResponse<String> other = post("/api/v1/events", cloudEvent(id, "/web", "purchase"), clientB);
        HttpResponse<String> reuseByA = post("/api/v1/events", cloudEvent(id, "/web", "purchase"), clientA);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).isEqualTo(202);
        assertThat(eventId(other)).isNotEqualTo(eventId(first));
        // within one client the id still identifies one event
        assertProblem(reuseByA, 422, "id", "already used for a different event");
    }

    @Test
    void anotherClientMayUseAnIdempotencyKeyOneClientUsed() throws Exception {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(ANALYTICS, analytics("user-1", "{}"),
                Map.of("Idempotency-Key", key, ClientFromHeaderFilter.HEADER, "key-a"));
        HttpResponse<String> other = post(ANALYTICS, analytics("user-2", "{}"),
                Map.of("Idempotency-Key", key, ClientFromHeaderFilter.HEADER, "key-b"));
        HttpResponse<String> replayByA = post(ANALYTICS, analytics("user-1", "{}"),
                Map.of("Idempotency-Key", key, ClientFromHeaderFilter.HEADER, "key-a"));

        assertThat(List.of(first.statusCode(), other.statusCode(), replayByA.statusCode())).containsOnly(202);
        assertThat(eventId(other)).isNotEqualTo(eventId(first));
        assertThat(eventId(replayByA)).isEqualTo(eventId(first));
    }

    private static String latin1String() {
        return analytics("user-\u00e9", "{}");
    }

    private static String analytics(String userId, String metadata) {
        return "{\"user_id\":\"" + userId + "\",\"event_type\":\"click\",\"timestamp\":\"2024-01-01T12:00:00Z\","
                + "\"metadata\":" + metadata + "}";
    }

    private static String cloudEvent(String id, String source, String eventType) throws Exception {
        return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", id, "source", source,
                "type", "io.eventflow.user_analytics.v1", "data", Map.of("user_id", "user-ce",
                        "event_type", eventType, "timestamp", "2024-01-01T12:00:00Z")));
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        String type = headers.getOrDefault("Content-Type", "application/json");
        return send(path, type, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private HttpResponse<String> send(String path, String type, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.path(path).getUri().toString()))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String eventId(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("event_id").asText();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field, String reason)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(field);
            assertThat(error.path("reason").asText()).contains(reason);
        });
    }
}
