package io.eventflow.subscriber.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequest;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler repairs events stuck before a final status. Each test processes an event normally, then breaks
 * it the way a crash or an operator would - its stored row gone, its status set back and aged an hour, its job
 * ended or deleted - and waits for the reconciler (every second here) to get it processed again.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.reconciler.interval-seconds", value = "1")
@AddConfig(key = "eventflow.reconciler.stale-after-seconds", value = "600")
class StuckEventsReconcilerIT {

    private static final String TOPIC = "eventflow.events";
    private static final Duration PROCESSING = Duration.ofSeconds(60);
    private static KafkaProducer<String, String> producer;

    @Inject
    private StorageProvider jobs;
    @Inject
    private WebTarget target;

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @Test
    void repairsAStatusLeftProcessingAfterItsJobEnded() throws Exception {
        UUID eventId = processedEvent();
        breakEvent(eventId, "processing");

        awaitRepaired(eventId);
    }

    @Test
    void reschedulesAPendingEventWhoseJobWasDeletedForGood() throws Exception {
        UUID eventId = processedEvent();
        jobs.deletePermanently(ProcessEventJobRequest.jobIdFor(eventId));
        breakEvent(eventId, "pending");

        awaitRepaired(eventId);
        assertThat(jobs.getJobById(ProcessEventJobRequest.jobIdFor(eventId))).isNotNull();
    }

    @Test
    void requeuesAPendingEventWhoseJobWasDeletedInTheDashboard() throws Exception {
        UUID eventId = processedEvent();
        Job job = jobs.getJobById(ProcessEventJobRequest.jobIdFor(eventId));
        job.delete("deleted by hand");
        jobs.save(job);
        breakEvent(eventId, "pending");

        awaitRepaired(eventId);
    }

    @Test
    void exposesTheOldestUnfinishedEventsAgeAsAGauge() {
        String metrics = target.path("/metrics").request("text/plain").get(String.class);

        assertThat(metrics).contains("eventflow_oldest_unfinished_event_age_seconds");
    }

    private UUID processedEvent() throws Exception {
        UUID eventId = UUID.randomUUID();
        String userId = "stuck-" + eventId;
        producer.send(new ProducerRecord<>(TOPIC, userId, """
                {"type":"user_analytics","event_id":"%s","user_id":"%s","event_type":"login",
                 "timestamp":"2024-01-01T12:00:00Z","metadata":{}}""".formatted(eventId, userId))).get();
        await().atMost(PROCESSING).until(() -> "completed".equals(status(eventId)));
        // JobRunr records the job's success after the job's own commit: wait for it, or a test's change to the job
        // races JobRunr's update (ConcurrentJobModificationException)
        await().atMost(PROCESSING).until(() -> jobs.getJobById(ProcessEventJobRequest.jobIdFor(eventId)).getState()
                == StateName.SUCCEEDED);
        return eventId;
    }

    /** Removes the stored event and sets its status back, an hour old: what a lost final write leaves. */
    private static void breakEvent(UUID eventId, String status) throws Exception {
        update("DELETE FROM user_analytics_events WHERE event_id = ?", eventId);
        update("UPDATE event_processing_status SET status = '" + status + "', processed_at = NULL,"
                + " created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour'"
                + " WHERE event_id = ?", eventId);
        assertThat(status(eventId)).isEqualTo(status);
    }

    private static void awaitRepaired(UUID eventId) {
        await().atMost(PROCESSING).until(() -> "completed".equals(status(eventId)) && storedRows(eventId) == 1);
    }

    private static void update(String sql, UUID eventId) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, eventId);
            s.executeUpdate();
        }
    }

    private static String status(UUID eventId) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT status FROM event_processing_status WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int storedRows(UUID eventId) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM user_analytics_events WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
    }
}
