package io.eventflow.subscriber.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.subscriber.adapter.jobrunr.EventPayloadCodec;
import io.eventflow.subscriber.adapter.jobrunr.JobRunrScheduler;
import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequest;
import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequestHandler;
import io.eventflow.testing.Infrastructure;
import io.eventflow.testing.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway's V4 rewrites the class names JobRunr stored in jobs written before the JobRunr adapters moved from
 * {@code io.eventflow.jobs.adapter.in.jobs} to {@code io.eventflow.subscriber.adapter.jobrunr}, so JobRunr loads such
 * a job with classes that exist; on a database without JobRunr's tables it succeeds and changes nothing.
 *
 * <p>Each test gets a database of its own on the test PostgreSQL, created before and dropped after it: V4 must meet a
 * database at V3 that holds JobRunr's tables and a job, and the shared {@code eventflow} database is at the newest
 * version and in use by the other tests. The migrations run through Flyway's API with the service's locations (see
 * {@code DatabaseMigration}) and a target version, in the order a database written before the move went through: V1
 * to V3, then JobRunr's own tables and jobs, then V4. {@code DatabaseMigration} itself cannot stop at V3, and a
 * target of 4 keeps later migrations out of what is measured. The pre-move job is a real job, stored by the service's
 * {@link JobRunrScheduler} through JobRunr's SQL storage provider, whose class names are then set back to the old
 * package: no class of the old package exists any more to store one with.
 */
@ExtendWith(Infrastructure.class)
class JobClassNameMigrationIT {

    private static final String OLD_PACKAGE = "io.eventflow.jobs.adapter.in.jobs.";
    private static final String NEW_PACKAGE = ProcessEventJobRequest.class.getPackageName() + ".";
    private static final String TRACE_PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventPayloadCodec codec = new EventPayloadCodec(new ObjectMapper());
    @RegisterExtension
    final ScratchDatabase database = ScratchDatabase.perTest("jobrunr_v4_");

    @Test
    void jobStoredBeforeTheMoveLoadsWithTheMovedClassesAfterV4() throws SQLException {
        migrateTo("3");
        ReceivedEvent preMove = event("user-before-the-move");
        ReceivedEvent postMove = event("user-after-the-move");
        UUID preMoveJob = ProcessEventJobRequest.jobIdFor(preMove.eventId());
        UUID postMoveJob = ProcessEventJobRequest.jobIdFor(postMove.eventId());
        try (StorageProvider storage = SqlStorageProviderFactory.using(database.dataSource())) {
            storage.setJobMapper(new JobMapper(new JacksonJsonMapper()));
            new JobRunrScheduler(new JobRequestScheduler(storage), codec)
                    .schedule(List.of(pending(preMove), pending(postMove)));
            storeAsBeforeTheMove(preMoveJob);
            List<String> postMoveRow = row(postMoveJob);
            JobDetails stale = storage.getJobById(preMoveJob).getJobDetails();
            assertThat(stale.getClassName()).as("the reproduced pre-move job")
                    .isEqualTo(OLD_PACKAGE + "ProcessEventJobRequestHandler");
            assertThat(stale.getJobParameters().getFirst().isNotDeserializable()).as("its request before V4").isTrue();

            MigrateResult result = migrateTo("4");

            Job migrated = storage.getJobById(preMoveJob);
            JobParameter request = migrated.getJobDetails().getJobParameters().getFirst();
            assertThat(result.migrationsExecuted).isEqualTo(1);
            assertThat(result.targetSchemaVersion).isEqualTo("4");
            assertThat(migrated.getJobDetails().getClassName()).isEqualTo(ProcessEventJobRequestHandler.class.getName());
            assertThat(request.getClassName()).isEqualTo(ProcessEventJobRequest.class.getName());
            assertThat(request.isNotDeserializable()).isFalse();
            assertThat(request.getObject()).isEqualTo(codec.toRequest(preMove, TRACE_PARENT));
            assertThat(migrated.getState()).isEqualTo(StateName.ENQUEUED);
            // the signature JobRunr finds jobs by: as it computed it for the job stored with the moved classes
            assertThat(column(preMoveJob, "jobSignature")).isEqualTo(column(postMoveJob, "jobSignature"))
                    .startsWith(NEW_PACKAGE);
            assertThat(row(postMoveJob)).as("the job stored after the move").isEqualTo(postMoveRow);
            assertThat(jobsNaming(OLD_PACKAGE)).isZero();
        }
    }

    @Test
    void changesNothingOnADatabaseWithoutJobRunrsTables() throws SQLException {
        migrateTo("3");
        database.execute("INSERT INTO event_processing_status (event_id, event_type, status) VALUES ('"
                + UUID.randomUUID() + "', 'user_analytics', 'pending')");
        Map<String, List<String>> before = tables();

        MigrateResult result = migrateTo("4");

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(result.targetSchemaVersion).isEqualTo("4");
        assertThat(tables()).isEqualTo(before).doesNotContainKey("jobrunr_jobs").containsKey("event_processing_status");
    }

    private MigrateResult migrateTo(String version) {
        return Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    private static ReceivedEvent event(String userId) {
        Map<String, Object> fields = Map.of("user_id", userId, "event_type", "login", "timestamp", "2024-01-01T12:00:00Z");
        UUID eventId = UUID.randomUUID();
        return new ReceivedEvent(StorableEvent.of(eventId, "user_analytics", fields), userId,
                "{\"user_id\":\"" + userId + "\",\"event_type\":\"login\",\"timestamp\":\"2024-01-01T12:00:00Z\"}");
    }

    private static PendingEvent pending(ReceivedEvent event) {
        return new PendingEvent(event, 3, null, TRACE_PARENT);
    }

    /** Names the old package in the job's stored JSON and signature, as JobRunr wrote them before the move. */
    private void storeAsBeforeTheMove(UUID jobId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE jobrunr_jobs SET jobAsJson = replace(jobAsJson, ?, ?), jobSignature = replace(jobSignature, ?, ?)
                      WHERE id = ?""")) {
            update.setString(1, NEW_PACKAGE);
            update.setString(2, OLD_PACKAGE);
            update.setString(3, NEW_PACKAGE);
            update.setString(4, OLD_PACKAGE);
            update.setString(5, jobId.toString());
            assertThat(update.executeUpdate()).as("jobs set back to the old package").isEqualTo(1);
        }
        assertThat(column(jobId, "jobSignature")).startsWith(OLD_PACKAGE);
        assertThat(jobsNaming(OLD_PACKAGE)).isEqualTo(1);
    }

    /** A job's stored row: version, state, timestamps, signature and JSON. */
    private List<String> row(UUID jobId) throws SQLException {
        List<String> row = new ArrayList<>();
        for (String name : List.of("version", "state", "createdAt", "updatedAt", "jobSignature", "jobAsJson")) {
            row.add(column(jobId, name));
        }
        return row;
    }

    private String column(UUID jobId, String name) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT " + name + "::text FROM jobrunr_jobs WHERE id = ?")) {
            query.setString(1, jobId.toString());
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("job %s stored", jobId).isTrue();
                return rows.getString(1);
            }
        }
    }

    private long jobsNaming(String packagePrefix) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM jobrunr_jobs WHERE jobAsJson LIKE ? OR jobSignature LIKE ?")) {
            query.setString(1, "%" + packagePrefix + "%");
            query.setString(2, "%" + packagePrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every table and view of the schema but Flyway's history: its columns, then its rows as text. */
    private Map<String, List<String>> tables() throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet names = statement.executeQuery("""
                    SELECT table_name, string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
                      FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history'
                     GROUP BY table_name""")) {
                while (names.next()) {
                    tables.put(names.getString(1), new ArrayList<>(List.of(names.getString(2))));
                }
            }
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT t::text FROM " + table.getKey() + " t ORDER BY 1")) {
                    while (rows.next()) {
                        table.getValue().add(rows.getString(1));
                    }
                }
            }
        }
        return tables;
    }
}
