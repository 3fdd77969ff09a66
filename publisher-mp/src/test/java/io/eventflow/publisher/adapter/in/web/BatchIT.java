package io.eventflow.publisher.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches against a real broker: each member's own result, partial success explicit, a bounded size. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.batch.max-events", value = "20")
class BatchIT {

    @Inject
    private WebTarget target;

    @Test
    void publishesValidMembersAndRejectsInvalidOnesWithTheirErrors() {
        String userId = "user-" + UUID.randomUUID();
        Response response = post("/api/v1/events/batch", MediaType.APPLICATION_JSON, """
                [{"type":"user_analytics","user_id":"%s","event_type":"click","timestamp":"2024-01-01T12:00:00Z"},
                 {"type":"user_analytics","event_type":"click","timestamp":"2024-01-01 12:00"},
                 {"type":"order_placed","order_id":"o-1"},
                 {"type":"io.eventflow.chemical_research.v1","molecule_id":"mol-1","researcher":"Dr. A","data":{},
                  "timestamp":"2024-01-01T12:00:00Z"}]
                """.formatted(userId));

        assertThat(response.getStatus()).isEqualTo(207);
        Map<?, ?> body = response.readEntity(Map.class);
        assertThat(body.get("accepted")).isEqualTo(2);
        assertThat(body.get("rejected")).isEqualTo(2);
        assertThat(body.get("failed")).isEqualTo(0);
        List<Map<?, ?>> results = results(body);
        assertThat(results).extracting(r -> (Object) r.get("status")).containsExactly(202, 422, 422, 202);
        assertThat(results).extracting(r -> (Object) r.get("index")).containsExactly(0, 1, 2, 3);
        assertThat(results.get(1).toString()).contains("field=user_id").contains("field=timestamp");
        assertThat(results.get(2).toString()).contains("field=type").contains("not a known event type");
        assertThat(TopicProbe.header(TopicProbe.firstWithKey(userId), "event-id"))
                .isEqualTo(results.get(0).get("event_id"));
    }

    @Test
    void retriedBatchWithIdempotencyKeyGetsTheSameIds() {
        String batch = IntStream.range(0, 3).mapToObj(i -> analytics("user-" + UUID.randomUUID()))
                .collect(Collectors.joining(",", "[", "]"));
        String key = UUID.randomUUID().toString();

        List<Object> first = eventIds(target.path("/api/v1/events/batch").request().header("Idempotency-Key", key)
                .post(Entity.entity(batch, MediaType.APPLICATION_JSON)));
        List<Object> retry = eventIds(target.path("/api/v1/events/batch").request().header("Idempotency-Key", key)
                .post(Entity.entity(batch, MediaType.APPLICATION_JSON)));

        assertThat(first).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void acceptsTheCloudEventsBatchFormat() {
        String userId = "user-" + UUID.randomUUID();
        String member = """
                {"specversion":"1.0","id":"%s","source":"/web","type":"user_analytics",
                 "data":{"user_id":"%s","event_type":"click","timestamp":"2024-01-01T12:00:00Z"}}""";
        Response response = post("/api/v1/events", "application/cloudevents-batch+json",
                "[" + member.formatted("b-1", userId) + "," + member.formatted("", userId) + "]");

        assertThat(response.getStatus()).isEqualTo(207);
        List<Map<?, ?>> results = results(response.readEntity(Map.class));
        assertThat(results).extracting(r -> (Object) r.get("status")).containsExactly(202, 422);
        assertThat(results.get(1).toString()).contains("field=id");
        assertThat(TopicProbe.header(TopicProbe.firstWithKey(userId), "ce_id")).isEqualTo("b-1");
    }

    @Test
    void returns413ForMoreEventsThanTheMaximum() {
        String batch = IntStream.range(0, 21).mapToObj(i -> analytics("u-" + i)).collect(Collectors.joining(",", "[", "]"));

        Response response = post("/api/v1/events/batch", MediaType.APPLICATION_JSON, batch);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(response.readEntity(String.class)).contains("at most 20 events").contains("this one has 21");
    }

    @Test
    void returns422ForABodyThatIsNotAnArrayOfEvents() {
        Response response = post("/api/v1/events/batch", MediaType.APPLICATION_JSON, "{\"type\":\"user_analytics\"}");

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("must be a JSON array");
    }

    private Response post(String path, String mediaType, String body) {
        return target.path(path).request().post(Entity.entity(body, mediaType));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> results(Map<?, ?> body) {
        return (List<Map<?, ?>>) body.get("results");
    }

    private static List<Object> eventIds(Response response) {
        assertThat(response.getStatus()).isEqualTo(207);
        return results(response.readEntity(Map.class)).stream().map(r -> (Object) r.get("event_id")).toList();
    }

    private static String analytics(String userId) {
        return "{\"type\":\"user_analytics\",\"user_id\":\"%s\",\"event_type\":\"click\",\"timestamp\":\"2024-01-01T12:00:00Z\"}"
                .formatted(userId);
    }
}
