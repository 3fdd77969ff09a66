package io.eventflow.subscriber;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequest;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.eventflow.subscriber.TestEvents.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries, final failure and re-queue through the real JobRunr server and PostgreSQL: the enrichment
 * fails on purpose ({@link FlakyEnrichment}); the backoff seed is 1 (1 s), the poll interval 5 s (OSS minimum).
 * The bulk re-queue runs last: it re-queues every failed event, also those of the other tests.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddBean(FlakyEnrichment.class)
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.jobs.retry-backoff-seed", value = "1")
@AddConfig(key = "eventflow.jobs.poll-interval-seconds", value = "5")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureHandlingIT {

    /** Four attempts, each at most a poll interval plus the backoff after the previous one. */
    private static final Duration RETRIES = Duration.ofSeconds(90);
    private static TestEvents events;

    private static final String TWICE = UUID.randomUUID().toString();
    private static final String ONCE = UUID.randomUUID().toString();
    private static final String ALWAYS = UUID.randomUUID().toString();
    private static final String HEALED = UUID.randomUUID().toString();
    private static final String FAILS_AGAIN = UUID.randomUUID().toString();
    private static final String BULK_1 = UUID.randomUUID().toString();
    private static final String BULK_2 = UUID.randomUUID().toString();
    private static final String FINE = UUID.randomUUID().toString();
    private static final Map<String, UUID> EVENT_IDS = new ConcurrentHashMap<>();

    @Inject
    private WebTarget target;
    @Inject
    private StorageProvider jobs;

    /** Publishes every case at once, so that their retries run side by side, not one test after another. */
    @BeforeAll
    static void publishEveryCase() throws Exception {
        events = new TestEvents();
        FlakyEnrichment.failTimes(TWICE, 2);
        FlakyEnrichment.failTimes(ONCE, 1);
        for (String caseId : List.of(ALWAYS, HEALED, FAILS_AGAIN, BULK_1, BULK_2)) {
            FlakyEnrichment.failAlways(caseId);
        }
        for (String caseId : List.of(TWICE, ONCE, ALWAYS, HEALED, FAILS_AGAIN, BULK_1, BULK_2, FINE)) {
            EVENT_IDS.put(caseId, events.chemical("mol-" + caseId, "Dr. Retry",
                    "{\"formula\":\"H2O\",\"case\":\"" + caseId + "\"}", "2024-01-01T00:00:00Z"));
        }
    }

    @AfterAll
    static void stopProducer() {
        events.close();
    }

    @Test
    void completesWithRetryCountTwoWhenTheJobFailsTwiceThenSucceeds() throws Exception {
        UUID eventId = EVENT_IDS.get(TWICE);

        awaitStatus(eventId, "completed");

        assertThat(status(eventId, "retry_count")).isEqualTo("2");
        assertThat(status(eventId, "error_message")).isNull();
        assertThat(FlakyEnrichment.calls(TWICE)).isEqualTo(3);
    }

    @Test
    void retriesAfterTheConfiguredBackoff() throws Exception {
        UUID eventId = EVENT_IDS.get(ONCE);

        awaitStatus(eventId, "completed");

        Job job = jobs.getJobById(ProcessEventJobRequest.jobIdFor(eventId));
        FailedState failure = job.getLastJobStateOfType(FailedState.class).orElseThrow();
        ScheduledState retry = job.getLastJobStateOfType(ScheduledState.class).orElseThrow();
        assertThat(Duration.between(failure.getCreatedAt(), retry.getScheduledAt()))
                .isLessThan(Duration.ofMillis(1500));
        assertThat(retry.getReason()).isEqualTo("Retry 1 of 3");
    }

    @Test
    void failsWithTheErrorAndRetryCountWhenEveryRetryFails() throws Exception {
        UUID eventId = EVENT_IDS.get(ALWAYS);

        awaitStatus(eventId, "failed");

        assertThat(status(eventId, "retry_count")).isEqualTo("3");
        assertThat(status(eventId, "max_retries")).isEqualTo("3");
        assertThat(status(eventId, "error_message")).isEqualTo("enrichment unavailable for case " + ALWAYS);
        assertThat(FlakyEnrichment.calls(ALWAYS)).isEqualTo(4);
        Map<?, ?> story = awaitStory(eventId, "FAILED");
        assertThat(story.get("status")).isEqualTo("failed");
        assertThat(story.get("attempts")).isEqualTo(4);
        assertThat(story.get("retry_count")).isEqualTo(3);
        assertThat(story.get("last_error")).isEqualTo("enrichment unavailable for case " + ALWAYS);
        assertThat(story.get("processed_at")).isNull();
    }

    @Test
    void completesAFailedEventRequeuedThroughTheApiOnceTheCauseIsGone() throws Exception {
        UUID eventId = EVENT_IDS.get(HEALED);
        awaitStatus(eventId, "failed");
        FlakyEnrichment.heal(HEALED);

        Response response = post("/api/v1/events/" + eventId + "/requeue");

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.readEntity(Map.class).get("requeued")).isEqualTo(1);
        awaitStatus(eventId, "completed");
        assertThat(status(eventId, "retry_count")).isEqualTo("0");
        assertThat(FlakyEnrichment.calls(HEALED)).isEqualTo(5);
        assertThat(awaitStory(eventId, "SUCCEEDED").get("attempts")).isEqualTo(5);
    }

    @Test
    void givesARequeuedEventItsRetriesAgain() throws Exception {
        UUID eventId = EVENT_IDS.get(FAILS_AGAIN);
        awaitStatus(eventId, "failed");
        FlakyEnrichment.failTimes(FAILS_AGAIN, 2);

        assertThat(post("/api/v1/events/" + eventId + "/requeue").getStatus()).isEqualTo(202);

        awaitStatus(eventId, "completed");
        assertThat(status(eventId, "retry_count")).isEqualTo("2");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void requeuesEveryFailedEventOfATypeInBulk() throws Exception {
        awaitStatus(EVENT_IDS.get(BULK_1), "failed");
        awaitStatus(EVENT_IDS.get(BULK_2), "failed");
        FlakyEnrichment.heal(BULK_1);
        FlakyEnrichment.heal(BULK_2);

        Response response = post("/api/v1/events/requeue?type=chemical_research");

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat((Integer) response.readEntity(Map.class).get("requeued")).isGreaterThanOrEqualTo(2);
        awaitStatus(EVENT_IDS.get(BULK_1), "completed");
        awaitStatus(EVENT_IDS.get(BULK_2), "completed");
        assertThat(post("/api/v1/events/requeue?type=user_analytics").readEntity(Map.class).get("requeued"))
                .isEqualTo(0);
    }

    @Test
    void answers409ForAnEventThatIsNotFailedAnd404ForAnUnknownOne() throws Exception {
        UUID eventId = EVENT_IDS.get(FINE);
        awaitStatus(eventId, "completed");

        Response conflict = post("/api/v1/events/" + eventId + "/requeue");
        Response unknown = post("/api/v1/events/" + UUID.randomUUID() + "/requeue");

        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(post("/api/v1/events/not-a-uuid/requeue").getStatus()).isEqualTo(404);
    }

    private Response post(String path) {
        int query = path.indexOf('?');
        WebTarget t = query < 0 ? target.path(path) : target.path(path.substring(0, query))
                .queryParam(path.substring(query + 1).split("=")[0], path.substring(query + 1).split("=")[1]);
        // keys are off in these tests; a JSON content type makes the POST one a web page cannot send cross-site
        return t.request().post(Entity.json(""));
    }

    /** The event's story once its job has reached the given JobRunr state. */
    private Map<?, ?> awaitStory(UUID eventId, String jobState) {
        Map<?, ?>[] story = new Map<?, ?>[1];
        await().atMost(RETRIES).until(() -> {
            story[0] = target.path("/api/v1/events/" + eventId).request().get(Map.class);
            return jobState.equals(story[0].get("job_state"));
        });
        return story[0];
    }

    private static void awaitStatus(UUID eventId, String expected) {
        await().atMost(RETRIES).until(() -> expected.equals(status(eventId, "status")));
    }
}
