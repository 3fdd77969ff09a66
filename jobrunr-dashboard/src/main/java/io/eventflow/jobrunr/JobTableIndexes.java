package io.eventflow.jobrunr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Drops the index JobRunr's PostgreSQL tables keep on a job's {@code state} alone, once the index on
 * {@code (state, updatedAt)} exists beside it.
 *
 * <p>JobRunr fetches work with {@code WHERE state = ? ORDER BY updatedAt LIMIT ? FOR UPDATE SKIP LOCKED}. The
 * two-column index answers that in order and stops after the limit. But when the planner's statistics say few jobs
 * are enqueued - as they do just after a burst, before autovacuum has analysed the table - PostgreSQL picks the
 * state-only index instead, reads every enqueued job and sorts them all, job JSON and all, on disk once they pass
 * {@code work_mem}, on every fetch: a backlog makes each fetch slower the larger it is. Every query that filters on
 * the state alone is served as well by the two-column index, whose first column it is, and each job insert and state
 * change writes one index entry less.
 *
 * <p>Written for JobRunr 8's migrations (v001 creates the state index, v014 the two-column one): it finds both by
 * their columns, not their names, so a table prefix changes nothing, and it drops nothing unless the two-column index
 * is there. The subscriber and the benchmark's JobRunr no-op ceiling both apply it, so the ceiling stays comparable.
 */
public final class JobTableIndexes {

    private static final String SINGLE_COLUMN_STATE = """
            SELECT i.relname
              FROM pg_index x
              JOIN pg_class i ON i.oid = x.indexrelid
              JOIN pg_class t ON t.oid = x.indrelid
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
             WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace
               AND x.indnatts = 1 AND x.indpred IS NULL AND NOT x.indisunique AND a.attname = 'state'""";
    private static final String STATE_THEN_UPDATED_AT = """
            SELECT count(*)
              FROM pg_index x
              JOIN pg_class t ON t.oid = x.indrelid
              JOIN pg_attribute a0 ON a0.attrelid = t.oid AND a0.attnum = x.indkey[0]
              JOIN pg_attribute a1 ON a1.attrelid = t.oid AND a1.attnum = x.indkey[1]
             WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace
               AND x.indnatts = 2 AND x.indpred IS NULL AND x.indisvalid
               AND a0.attname = 'state' AND a1.attname = 'updatedat'""";

    private JobTableIndexes() {
    }

    /**
     * Drops the state-only index of the jobs table with the given JobRunr table prefix ({@code ""} for none), if the
     * {@code (state, updatedAt)} index exists.
     *
     * @return the names of the indexes dropped; empty when there was nothing to drop (already done, or no
     *         two-column index to take over)
     */
    public static List<String> dropRedundantStateIndex(DataSource dataSource, String tablePrefix) throws SQLException {
        String table = (tablePrefix + "jobrunr_jobs").toLowerCase(Locale.ROOT);
        try (Connection connection = dataSource.getConnection()) {
            if (!hasStateThenUpdatedAtIndex(connection, table)) {
                return List.of();
            }
            List<String> dropped = new ArrayList<>();
            for (String index : stateOnlyIndexes(connection, table)) {
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP INDEX IF EXISTS \"" + index.replace("\"", "\"\"") + "\"");
                }
                dropped.add(index);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return dropped;
        }
    }

    private static boolean hasStateThenUpdatedAtIndex(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STATE_THEN_UPDATED_AT)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }

    private static List<String> stateOnlyIndexes(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(SINGLE_COLUMN_STATE)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
