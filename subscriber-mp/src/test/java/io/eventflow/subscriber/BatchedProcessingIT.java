package io.eventflow.subscriber;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequest;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.jobrunr.jobs.Job;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.eventflow.subscriber.TestEvents.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batched mode through the real broker, JobRunr server and PostgreSQL: one poisoned event among 100 leaves the other
 * 99 stored once by batch jobs, and is split off into a job of its own that retries it, fails it with its own error
 * and lets it be requeued. The enrichment fails on purpose ({@link FlakyEnrichment}).
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddBean(FlakyEnrichment.class)
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.processing.mode", value = "batched")
@AddConfig(key = "eventflow.jobs.retry-backoff-seed", value = "1")
@AddConfig(key = "eventflow.jobs.poll-interval-seconds", value = "5")
class BatchedProcessingIT {

    private static final Duration PROCESSING = Duration.ofSeconds(120);
    private static final String POISON = UUID.randomUUID().toString();
    private static final String HEALTHY = UUID.randomUUID().toString();
    private static final List<UUID> STORED = new ArrayList<>();
    private static UUID poisoned;
    private static TestEvents events;

    @Inject
    private WebTarget target;
    @Inject
    private StorageProvider jobs;

    /** 100 events on one key (one partition, so they can share batches), the 43rd poisoned, one of them sent twice. */
    @BeforeAll
    static void publishABatchWithOnePoisonedEvent() throws Exception {
        events = new TestEvents();
        FlakyEnrichment.failAlways(POISON);
        String molecule = "mol-batch-" + UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            String caseId = i == 42 ? POISON : HEALTHY;
            UUID eventId = events.chemical(molecule, "Dr. Batch", "{\"formula\":\"H2O\",\"case\":\"" + caseId + "\"}",
                    "2024-01-01T00:00:00Z");
            if (i == 42) {
                poisoned = eventId;
            } else {
                STORED.add(eventId);
            }
        }
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void theOther99AreStoredOnceByBatchJobsAndThePoisonedOneFailsInAJobOfItsOwnThenCanBeRequeued() throws Exception {
        await().atMost(PROCESSING).until(() -> count("SELECT count(*) FROM event_processing_status WHERE status = "
                + "'completed' AND event_id IN (" + ids(STORED) + ")") == 99);
        assertThat(count("SELECT count(*) FROM chemical_research_events WHERE event_id IN (" + ids(STORED) + ")"))
                .isEqualTo(99);
        long batchJobs = count("SELECT count(DISTINCT batch_job_id) FROM event_processing_status WHERE event_id IN ("
                + ids(STORED) + ")");
        assertThat(batchJobs).as("batch jobs that stored 99 events").isBetween(1L, 49L);
        assertThat(count("SELECT count(*) FROM event_processing_status WHERE batch_job_id IS NULL AND event_id IN ("
                + ids(STORED) + ")")).isZero();

        // the poisoned event: its batch attempt, then its own job's first attempt and three retries
        await().atMost(PROCESSING).until(() -> "failed".equals(status(poisoned, "status")));
        assertThat(status(poisoned, "retry_count")).isEqualTo("3");
        assertThat(status(poisoned, "error_message")).isEqualTo("enrichment unavailable for case " + POISON);
        assertThat(status(poisoned, "batch_job_id")).isNull();
        assertThat(FlakyEnrichment.calls(POISON)).isEqualTo(5);
        Job ownJob = jobs.getJobById(ProcessEventJobRequest.jobIdFor(poisoned));
        assertThat(ownJob.getJobName()).contains("event " + poisoned);

        Map<?, ?> poisonedStory = target.path("/api/v1/events/" + poisoned).request().get(Map.class);
        assertThat(poisonedStory.get("job_id")).isEqualTo(ownJob.getId().toString());
        Map<?, ?> storedStory = target.path("/api/v1/events/" + STORED.getFirst()).request().get(Map.class);
        String batchJobId = status(STORED.getFirst(), "batch_job_id");
        assertThat(storedStory.get("job_id")).isEqualTo(batchJobId);
        assertThat(jobs.getJobById(UUID.fromString(batchJobId)).getJobName()).startsWith("Process batch of ");

        FlakyEnrichment.heal(POISON);
        assertThat(target.path("/api/v1/events/" + poisoned + "/requeue").request().post(Entity.json("")).getStatus())
                .isEqualTo(202);
        await().atMost(PROCESSING).until(() -> "completed".equals(status(poisoned, "status")));
        assertThat(count("SELECT count(*) FROM chemical_research_events WHERE event_id = '" + poisoned + "'"))
                .isEqualTo(1);
    }

    private static String ids(List<UUID> eventIds) {
        return eventIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
