package io.eventflow.subscriber.scaling;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.processing.application.port.in.ScheduleEventUseCase;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A worker-only process (profile {@code worker}) runs jobs and serves its API but never joins the consumer group. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "mp.config.profile", value = "worker")
class WorkerOnlyIT {

    @Inject
    private WebTarget target;

    @Inject
    private ScheduleEventUseCase scheduleEvent;

    @Test
    void runsJobsWithoutConsumingKafka() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(target.path("/health/ready").request().get(String.class)).contains("\"servers\":1"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrapServers()))) {
            // other test classes of this JVM consumed before (the group may exist, empty); this process is no member
            var group = admin.describeConsumerGroups(List.of("eventflow-subscriber")).all().get()
                    .get("eventflow-subscriber");
            assertThat(group.members()).isEmpty();
        }
        assertThat(target.path("/healthz").request().get(Map.class).get("status")).isEqualTo("ok");
    }

    @Test
    void processesJobsScheduledByOtherProcesses() {
        String userId = "worker-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        scheduleEvent.schedule(new ReceivedEvent(StorableEvent.of(eventId, "user_analytics", Map.of(
                "user_id", userId, "event_type", "login", "timestamp", "2024-01-01T12:00:00Z")), userId,
                "{\"user_id\":\"" + userId + "\",\"event_type\":\"login\",\"timestamp\":\"2024-01-01T12:00:00Z\"}"));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                !((List<?>) target.path("/api/v1/events/user/" + userId).request().get(Map.class).get("events")).isEmpty());
    }
}
