package io.eventflow.bench.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads PostgreSQL's counters ({@link DbCounters}) on one connection of its own, each reading in one transaction.
 * PostgreSQL 14 hands a backend's counters to its statistics collector at most every 500 ms, so {@link #settled()}
 * reads until the platform's commits stop moving before it takes a reading that ends a phase.
 */
public final class DatabaseCounters implements AutoCloseable {

    private static final String DATABASE = """
            SELECT d.xact_commit, d.xact_rollback, d.tup_inserted + d.tup_updated + d.tup_deleted,
                   w.wal_records, w.wal_sync
              FROM pg_stat_database d, pg_stat_wal w
             WHERE d.datname = current_database()""";
    private static final String STATEMENTS = """
            SELECT query, sum(calls) FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND query NOT LIKE '%eventflow-bench%'
             GROUP BY query""";
    private static final Duration SETTLE_STEP = Duration.ofMillis(600);
    private static final int SETTLE_READS = 8;

    private final Connection connection;
    private final boolean statements;
    private final boolean jobs;

    private DatabaseCounters(Connection connection, boolean statements, boolean jobs) {
        this.connection = connection;
        this.statements = statements;
        this.jobs = jobs;
    }

    /** Reads the counters of the database at {@code jdbcUrl}; statements only if pg_stat_statements is installed. */
    public static DatabaseCounters open(String jdbcUrl) throws SQLException {
        Connection connection = HarnessSql.connect(jdbcUrl);
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(HarnessSql.tagged("SELECT to_regclass('pg_stat_statements') IS NOT NULL, "
                     + "to_regclass('jobrunr_jobs') IS NOT NULL"))) {
            HarnessSql.counted();
            rs.next();
            boolean statements = rs.getBoolean(1);
            boolean jobs = rs.getBoolean(2);
            connection.setAutoCommit(false);
            return new DatabaseCounters(connection, statements, jobs);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** True when statements are counted (pg_stat_statements is installed in the database). */
    public boolean countsStatements() {
        return statements;
    }

    /** The counters now. */
    public DbCounters read() throws SQLException {
        long harness = HarnessSql.transactions();
        HarnessSql.counted();
        try (Statement s = connection.createStatement()) {
            long[] db = new long[5];
            try (ResultSet rs = s.executeQuery(HarnessSql.tagged(DATABASE))) {
                rs.next();
                for (int i = 0; i < db.length; i++) {
                    db[i] = rs.getLong(i + 1);
                }
            }
            Map<String, Long> calls = new HashMap<>();
            if (statements) {
                try (ResultSet rs = s.executeQuery(HarnessSql.tagged(STATEMENTS))) {
                    while (rs.next()) {
                        calls.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    }
                }
            }
            long jobCount = -1;
            if (jobs) {
                try (ResultSet rs = s.executeQuery(HarnessSql.tagged("SELECT count(*) FROM jobrunr_jobs"))) {
                    rs.next();
                    jobCount = rs.getLong(1);
                }
            }
            connection.commit();
            return new DbCounters(db[0], db[1], db[2], db[3], db[4], statements, calls, jobCount, harness);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * The counters once the work before has reached them: read until the platform's commits (the harness's own left
     * out) stay put from one reading to the next, or a few seconds are up.
     */
    public DbCounters settled() throws SQLException {
        DbCounters last = read();
        for (int i = 0; i < SETTLE_READS; i++) {
            LockSupport.parkNanos(SETTLE_STEP.toNanos());
            DbCounters next = read();
            long platformCommits = next.commits() - last.commits() - (next.harnessTransactions() - last.harnessTransactions());
            last = next;
            if (platformCommits <= 0) {
                break;
            }
        }
        return last;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
