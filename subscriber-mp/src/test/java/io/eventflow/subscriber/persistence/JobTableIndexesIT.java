package io.eventflow.subscriber.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.eventflow.jobrunr.JobTableIndexes;
import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequest;
import io.eventflow.testing.Infrastructure;
import io.eventflow.testing.ScratchDatabase;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JobTableIndexes} against the tables JobRunr's own migrations create on a real PostgreSQL: it pins what those
 * migrations index (a JobRunr upgrade that changes it fails here), shows the plan JobRunr's fetch query gets with
 * their indexes when the statistics predate a backlog (the table analysed while every job had finished) - every
 * enqueued job read and sorted - and that it reads the backlog in order, without sorting, once the state-only index
 * is gone. Each test has a database of its own.
 */
@ExtendWith(Infrastructure.class)
class JobTableIndexesIT {

    private static final int BACKLOG = 2_000;
    @RegisterExtension
    final ScratchDatabase database = ScratchDatabase.perTest("jobrunr_indexes_");

    @Test
    void aBacklogIsFetchedInIndexOrderOnceTheStateOnlyIndexIsDropped() throws SQLException {
        try (StorageProvider storage = SqlStorageProviderFactory.using(database.dataSource())) {
            storage.setJobMapper(new JobMapper(new JacksonJsonMapper()));
            assertThat(indexColumns("jobrunr_jobs")).as("what JobRunr's migrations index")
                    .contains("(state)", "(state, updatedat)");
            // statistics as autovacuum last left them on a running platform: finished jobs, none enqueued; then a burst
            database.execute("ALTER TABLE jobrunr_jobs SET (autovacuum_enabled = false)");
            enqueue(storage, BACKLOG);
            database.execute("UPDATE jobrunr_jobs SET state = 'SUCCEEDED'");
            database.execute("ANALYZE jobrunr_jobs");
            enqueue(storage, BACKLOG);

            String before = fetchPlan("jobrunr_jobs");
            List<String> dropped = JobTableIndexes.dropRedundantStateIndex(database.dataSource(), "");
            String after = fetchPlan("jobrunr_jobs");

            assertThat(before).as("JobRunr's fetch with its own indexes").contains("Sort", "jobrunr_state_idx");
            assertThat(dropped).containsExactly("jobrunr_state_idx");
            assertThat(indexColumns("jobrunr_jobs")).doesNotContain("(state)").contains("(state, updatedat)");
            assertThat(after).as("JobRunr's fetch without the state-only index")
                    .doesNotContain("Sort").contains("jobrunr_jobs_state_updated_idx");
            assertThat(JobTableIndexes.dropRedundantStateIndex(database.dataSource(), "")).as("a second start").isEmpty();
            assertThat(count("SELECT count(*) FROM jobrunr_jobs WHERE state = 'ENQUEUED'")).isEqualTo(BACKLOG);
        }
    }

    @Test
    void findsTheIndexByItsColumnsUnderATablePrefix() throws SQLException {
        try (StorageProvider ignored = SqlStorageProviderFactory.using(database.dataSource(), "bench_")) {
            List<String> dropped = JobTableIndexes.dropRedundantStateIndex(database.dataSource(), "bench_");

            assertThat(dropped).hasSize(1);
            assertThat(indexColumns("bench_jobrunr_jobs")).doesNotContain("(state)").contains("(state, updatedat)");
        }
    }

    @Test
    void dropsNothingWithoutAnIndexOnStateAndUpdatedAt() throws SQLException {
        database.execute("CREATE TABLE other_jobrunr_jobs (id int, state varchar(36), updatedAt timestamp)");
        database.execute("CREATE INDEX other_state_idx ON other_jobrunr_jobs (state)");

        List<String> dropped = JobTableIndexes.dropRedundantStateIndex(database.dataSource(), "other_");

        assertThat(dropped).isEmpty();
        assertThat(indexColumns("other_jobrunr_jobs")).containsExactly("(state)");
    }

    private static void enqueue(StorageProvider storage, int jobs) {
        JobRequestScheduler scheduler = new JobRequestScheduler(storage);
        scheduler.create(IntStream.range(0, jobs).mapToObj(i -> {
            UUID eventId = UUID.randomUUID();
            String payload = "{\"type\":\"user_analytics\",\"user_id\":\"user-" + i + "\",\"event_type\":\"click\","
                    + "\"timestamp\":\"2024-01-01T12:00:00Z\",\"metadata\":{\"page\":\"/home\"},\"event_id\":\""
                    + eventId + "\"}";
            return JobBuilder.aJob().withId(ProcessEventJobRequest.jobIdFor(eventId))
                    .withJobRequest(new ProcessEventJobRequest(eventId, "user_analytics", "user-" + i, payload, null));
        }));
    }

    /** EXPLAIN of the query JobRunr 8 fetches enqueued work with (as pg_stat_statements records it). */
    private String fetchPlan(String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN select jobAsJson from " + table
                     + " where state = 'ENQUEUED' ORDER BY updatedAt ASC LIMIT 256 FOR UPDATE SKIP LOCKED")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    /** Each index's column list, as in its definition: "(state)", "(state, updatedat)"... */
    private List<String> indexColumns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = '" + table + "'")) {
            while (rows.next()) {
                String definition = rows.getString(1);
                columns.add(definition.substring(definition.lastIndexOf('(')));
            }
        }
        return columns;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
