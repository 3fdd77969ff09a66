package io.eventflow.publisher.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys against a real broker: a retry gets the first answer and adds nothing to the topic. */
@ExtendWith(Infrastructure.class)
@HelidonTest
class IdempotencyIT {

    private static final String ANALYTICS = "/api/v1/events/analytics";

    @Inject
    private WebTarget target;

    @Test
    void replayWithSameKeyReturnsSameEventIdAndPublishesOnce() {
        String userId = "user-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        String first = eventId(post(event(userId, "page_view"), key));
        String replay = eventId(post(event(userId, "page_view"), key));
        String sentinel = eventId(post(event(userId, "logout"), null));

        assertThat(replay).isEqualTo(first);
        assertThat(eventIdsOnTopicUpTo(userId, sentinel)).containsExactly(first, sentinel);
    }

    @Test
    void concurrentReplaysShareOnePublish() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> replays;
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            replays = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                await(start);
                return eventId(post(event(userId, "purchase"), key));
            }, clients)).toList();
            start.countDown();
            CompletableFuture.allOf(replays.toArray(CompletableFuture[]::new)).join();
        }
        String sentinel = eventId(post(event(userId, "logout"), null));

        List<String> ids = replays.stream().map(CompletableFuture::join).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(eventIdsOnTopicUpTo(userId, sentinel)).containsExactly(ids.get(0), sentinel);
    }

    @Test
    void returns422WhenKeyIsReusedForAnotherEvent() {
        String userId = "user-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        assertThat(post(event(userId, "click"), key).getStatus()).isEqualTo(202);

        Response reused = post(event(userId, "purchase"), key);

        assertThat(reused.getStatus()).isEqualTo(422);
        assertThat(reused.readEntity(String.class)).contains("\"field\":\"Idempotency-Key\"").contains("different event");
    }

    @Test
    void sameKeyForAnotherEventTypeIsAnotherEvent() {
        String key = UUID.randomUUID().toString();
        String analytics = eventId(post(event("user-" + UUID.randomUUID(), "click"), key));

        Response chemical = target.path("/api/v1/events/chemical").request().header("Idempotency-Key", key)
                .post(Entity.entity("{\"molecule_id\":\"mol-1\",\"researcher\":\"Dr. Who\",\"data\":{},"
                        + "\"timestamp\":\"2024-01-01T12:00:00Z\"}", MediaType.APPLICATION_JSON));

        assertThat(chemical.getStatus()).isEqualTo(202);
        assertThat(chemical.readEntity(Map.class).get("event_id")).isNotEqualTo(analytics);
    }

    @Test
    void returns422ForMalformedKey() {
        Response response = post(event("u-1", "click"), "has spaces in it");

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"Idempotency-Key\"");
    }

    @Test
    void cloudEventWithSameSourceAndIdIsOneEvent() {
        String userId = "user-" + UUID.randomUUID();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/web","type":"user_analytics",
                 "data":{"user_id":"%s","event_type":"click","timestamp":"2024-01-01T12:00:00Z"}}
                """.formatted(UUID.randomUUID(), userId);

        var cloudEvent = Entity.entity(event, "application/cloudevents+json");
        String first = eventId(target.path("/api/v1/events").request().post(cloudEvent));
        String again = eventId(target.path("/api/v1/events").request().post(cloudEvent));
        String sentinel = eventId(post(event(userId, "logout"), null));

        assertThat(again).isEqualTo(first);
        assertThat(eventIdsOnTopicUpTo(userId, sentinel)).containsExactly(first, sentinel);
    }

    private List<String> eventIdsOnTopicUpTo(String userId, String lastEventId) {
        return TopicProbe.recordsWithKeyUntil(userId, r -> lastEventId.equals(TopicProbe.header(r, "event-id")))
                .stream().map(r -> TopicProbe.header(r, "event-id")).toList();
    }

    private Response post(String json, String idempotencyKey) {
        var request = target.path(ANALYTICS).request();
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    private static String eventId(Response response) {
        assertThat(response.getStatus()).isEqualTo(202);
        return (String) response.readEntity(Map.class).get("event_id");
    }

    private static String event(String userId, String eventType) {
        return "{\"user_id\":\"%s\",\"event_type\":\"%s\",\"timestamp\":\"2024-01-01T12:00:00Z\"}"
                .formatted(userId, eventType);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
