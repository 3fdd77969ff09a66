package io.eventflow.bench.ceiling;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import io.eventflow.bench.load.Latency;
import io.eventflow.bench.load.Rates;
import io.eventflow.bench.platform.HarnessSql;
import org.HdrHistogram.Histogram;

/** Reads when the benchmark's JobRunr jobs were created and succeeded, straight from JobRunr's table. */
final class JobTimes {

    private final DataSource dataSource;
    private final String table;

    JobTimes(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** The step's processing rate (10th to 90th percentile of completions) and created-to-succeeded latency. */
    JobsResult read(String label, int jobs, double enqueueRate) {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(HarnessSql.tagged("SELECT createdAt, updatedAt FROM " + table
                     + " WHERE state = 'SUCCEEDED'"))) {
            HarnessSql.counted();
            while (rs.next()) {
                rows.add(new long[] {micros(rs.getTimestamp(1)), micros(rs.getTimestamp(2))});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + table, e);
        }
        Histogram latency = Latency.microsHistogram();
        rows.forEach(r -> latency.recordValue(Math.max(0, r[1] - r[0])));
        long[] done = rows.stream().mapToLong(r -> r[1]).toArray();
        if (rows.size() < jobs) {
            label += " (only " + rows.size() + " of " + jobs + " succeeded in time)";
        }
        return new JobsResult(label, jobs, enqueueRate, Rates.steadyRate(done), Latency.of(latency), null, null);
    }

    /** The succeeded jobs in the table now. */
    long succeeded() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(HarnessSql.tagged("SELECT count(*) FROM " + table + " WHERE state = 'SUCCEEDED'"))) {
            HarnessSql.counted();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the succeeded jobs of " + table, e);
        }
    }

    /** Deletes every job of the benchmark's tables; only before the job server starts. */
    void clear() {
        delete("");
    }

    /**
     * Deletes the succeeded jobs, so the next step reads only its own. Jobs still waiting or running (a step
     * that timed out under load) are left alone: deleting a job under JobRunr's server makes it fail.
     */
    void clearSucceeded() {
        delete(" WHERE state = 'SUCCEEDED'");
    }

    private void delete(String where) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            HarnessSql.counted();
            s.executeUpdate(HarnessSql.tagged("DELETE FROM " + table + where));
        } catch (SQLException e) {
            // the table does not exist before JobRunr's first migration: nothing to delete
        }
    }

    private static long micros(Timestamp t) {
        return t.getTime() * 1000 + (t.getNanos() / 1000) % 1000;
    }
}
