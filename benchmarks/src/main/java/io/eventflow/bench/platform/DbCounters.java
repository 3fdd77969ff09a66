package io.eventflow.bench.platform;

import java.util.Map;

/**
 * PostgreSQL's cumulative counters at one moment: the database's commits, rollbacks and rows written
 * ({@code pg_stat_database}), the server's WAL records and WAL flushes to disk ({@code pg_stat_wal}), the calls of
 * each statement ({@code pg_stat_statements}; empty when it is not loaded), the platform's JobRunr jobs (-1 when it
 * has no {@code jobrunr_jobs} table) and the harness's own transactions when the reading began.
 */
public record DbCounters(long commits, long rollbacks, long rowsWritten, long walRecords, long walSyncs,
                         boolean statementsCounted, Map<String, Long> statementCalls, long jobs,
                         long harnessTransactions) {
}
