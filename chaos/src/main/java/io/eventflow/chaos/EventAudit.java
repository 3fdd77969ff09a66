package io.eventflow.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Counts from PostgreSQL what became of the accepted events: every accepted id is looked up in the event tables
 * ({@code user_analytics_events}, {@code chemical_research_events}) and in {@code event_processing_status}.
 */
final class EventAudit {

    private static final String PER_EVENT = """
            WITH accepted(event_id) AS (SELECT unnest(?::uuid[])),
            stored AS (SELECT event_id, count(*) AS n FROM (
                         SELECT event_id FROM user_analytics_events
                         UNION ALL SELECT event_id FROM chemical_research_events) r
                       WHERE event_id IN (SELECT event_id FROM accepted) GROUP BY event_id),
            status AS (SELECT event_id, min(status) AS status, count(*) AS n, max(retry_count) AS retries,
                              max(error_message) AS error
                       FROM event_processing_status
                       WHERE event_id IN (SELECT event_id FROM accepted) GROUP BY event_id)
            SELECT a.event_id, coalesce(stored.n, 0), status.status, coalesce(status.n, 0), status.retries,
                   status.error
            FROM accepted a LEFT JOIN stored USING (event_id) LEFT JOIN status USING (event_id)""";

    /** Completed events by the job that completed them: the status row names a batch job, or none (its own job). */
    private static final String JOBS = """
            SELECT count(*) FILTER (WHERE batch_job_id IS NULL), count(*) FILTER (WHERE batch_job_id IS NOT NULL),
                   count(DISTINCT batch_job_id)
            FROM event_processing_status WHERE event_id = ANY(?::uuid[]) AND status = 'completed'""";

    private static final String FINAL = """
            SELECT count(*) FROM event_processing_status
            WHERE event_id = ANY(?::uuid[]) AND status IN ('completed', 'failed')""";

    /** Planned events stored under more than one event id: the same chaos_seq in rows of different ids. */
    private static final String SAME_EVENT_TWICE = """
            SELECT seq FROM (
              SELECT metadata->>'chaos_seq' AS seq, event_id FROM user_analytics_events
              UNION ALL SELECT data->>'chaos_seq', event_id FROM chemical_research_events) s
            WHERE seq IS NOT NULL GROUP BY seq HAVING count(DISTINCT event_id) > 1""";

    /**
     * Per key (user_id, molecule_id), consecutive events in Kafka offset order (one key, one partition) whose rows
     * were stored in the opposite order; and how many consecutive pairs there were.
     */
    private static final String KEY_ORDER = """
            WITH s AS (
              SELECT e.user_id AS k, e.processed_at, st.kafka_partition AS p, st.kafka_offset AS o
              FROM user_analytics_events e JOIN event_processing_status st USING (event_id)
              UNION ALL
              SELECT c.molecule_id, c.processed_at, st.kafka_partition, st.kafka_offset
              FROM chemical_research_events c JOIN event_processing_status st USING (event_id)),
            pairs AS (SELECT processed_at, lag(processed_at) OVER (PARTITION BY k ORDER BY p, o) AS previous
                      FROM s WHERE o IS NOT NULL)
            SELECT count(*) FILTER (WHERE processed_at < previous), count(previous) FROM pairs""";

    /** Same-key event pairs stored against their order on the topic, out of all consecutive same-key pairs. */
    record KeyOrder(long inversions, long pairs) {
    }

    /** What one accepted event looks like in the database. */
    record EventState(UUID eventId, int rows, String status, int statusRows, Integer retries, String error) {

        boolean stuck() {
            return "pending".equals(status) || "processing".equals(status) || (status == null && rows > 0);
        }

        boolean failed() {
            return "failed".equals(status);
        }

        boolean lost() {
            return rows == 0 && !stuck() && !failed();
        }

        boolean duplicated() {
            return rows > 1 || statusRows > 1;
        }
    }

    /**
     * The counts, with up to ten examples of each kind of bad outcome.
     *
     * @param sameEventTwice planned events (by chaos_seq) stored in more than one row, under any ids
     */
    record Counts(int accepted, int lost, int duplicated, int stuck, int failed, long sameEventTwice,
                  List<EventState> examples) {

        /** Whether nothing accepted went wrong. */
        boolean clean() {
            return lost == 0 && duplicated == 0 && stuck == 0 && failed == 0;
        }
    }

    /**
     * Which jobs completed the accepted events: shows the processing mode at work (per-event: every event in a job of
     * its own; batched: most in batch jobs, those split off in jobs of their own).
     *
     * @param ownJobs   completed events whose own job completed them
     * @param inBatches completed events a batch job completed
     * @param batchJobs the batch jobs that did
     */
    record Jobs(long ownJobs, long inBatches, long batchJobs) {

        /** One line for the progress and the report. */
        String summary() {
            if (inBatches == 0) {
                return String.format(Locale.ROOT, "%,d completed by jobs of their own, none by a batch job", ownJobs);
            }
            return String.format(Locale.ROOT, "%,d completed by %,d batch jobs, %,d by jobs of their own", inBatches,
                    batchJobs, ownJobs);
        }
    }

    private EventAudit() {
    }

    /** Counts the completed ones among {@code ids} by the kind of job that completed them. */
    static Jobs jobs(Connection connection, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(JOBS)) {
            statement.setArray(1, uuidArray(connection, ids));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Jobs(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /** How many of {@code ids} have a final status ({@code completed} or {@code failed}). */
    static long finalCount(Connection connection, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FINAL)) {
            statement.setArray(1, uuidArray(connection, ids));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Counts lost, duplicated, stuck and failed events among the accepted ones. */
    static Counts count(Connection connection, Map<UUID, LoadPlan.Event> accepted) throws SQLException {
        int lost = 0;
        int duplicated = 0;
        int stuck = 0;
        int failed = 0;
        List<EventState> examples = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PER_EVENT)) {
            statement.setArray(1, uuidArray(connection, accepted.keySet()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    EventState state = new EventState(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                            rs.getInt(4), (Integer) rs.getObject(5), rs.getString(6));
                    lost += state.lost() ? 1 : 0;
                    stuck += state.stuck() ? 1 : 0;
                    failed += state.failed() ? 1 : 0;
                    duplicated += state.duplicated() ? 1 : 0;
                    if ((state.lost() || state.stuck() || state.failed() || state.duplicated()) && examples.size() < 10) {
                        examples.add(state);
                    }
                }
            }
        }
        long sameEventTwice = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SAME_EVENT_TWICE)) {
            while (rs.next()) {
                sameEventTwice++;
            }
        }
        return new Counts(accepted.size(), lost, duplicated + (int) sameEventTwice, stuck, failed, sameEventTwice,
                List.copyOf(examples));
    }

    /** How often events of one key were stored in another order than they had on the topic. */
    static KeyOrder keyOrder(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(KEY_ORDER)) {
            rs.next();
            return new KeyOrder(rs.getLong(1), rs.getLong(2));
        }
    }

    private static Array uuidArray(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray(UUID[]::new));
    }
}
