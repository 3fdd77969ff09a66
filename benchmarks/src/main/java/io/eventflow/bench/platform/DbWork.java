package io.eventflow.bench.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one measured phase cost PostgreSQL, from two readings of its counters, for {@code units} stored events (or
 * no-op jobs). {@code commits} leaves out the harness's own transactions; {@code statements} (-1 when
 * pg_stat_statements is not loaded) leaves out transaction control, {@code SET}/{@code SHOW} and the harness's own
 * queries; {@code jobs} is -1 when the platform's JobRunr table was not found; {@code topStatements} holds the most
 * frequent statements with their calls.
 */
public record DbWork(long units, long commits, long rollbacks, long statements, long walSyncs, long walRecords,
                     long rowsWritten, long jobs, Map<String, Long> topStatements) {

    private static final int TOP = 5;
    private static final Pattern CONTROL = Pattern.compile(
            "^\\s*(BEGIN|COMMIT|ROLLBACK|END|ABORT|START TRANSACTION|SAVEPOINT|RELEASE|PREPARE TRANSACTION|SET|SHOW|RESET"
                    + "|DISCARD|DEALLOCATE)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The work between two readings, for this many stored events or jobs. */
    public static DbWork between(DbCounters before, DbCounters after, long units) {
        long harness = after.harnessTransactions() - before.harnessTransactions();
        long statements = -1;
        Map<String, Long> calls = new LinkedHashMap<>();
        if (before.statementsCounted() && after.statementsCounted()) {
            after.statementCalls().forEach((query, n) -> {
                long delta = n - before.statementCalls().getOrDefault(query, 0L);
                if (delta > 0 && !transactionControl(query)) {
                    calls.put(query, delta);
                }
            });
            statements = calls.values().stream().mapToLong(Long::longValue).sum();
        }
        Map<String, Long> top = new LinkedHashMap<>();
        calls.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        long jobs = before.jobs() < 0 || after.jobs() < 0 ? -1 : after.jobs() - before.jobs();
        return new DbWork(units, Math.max(0, after.commits() - before.commits() - harness),
                after.rollbacks() - before.rollbacks(), statements, after.walSyncs() - before.walSyncs(),
                after.walRecords() - before.walRecords(), after.rowsWritten() - before.rowsWritten(), jobs, top);
    }

    /** True for statements that only steer a transaction or a session: not counted as the platform's statements. */
    static boolean transactionControl(String query) {
        return CONTROL.matcher(query).matches();
    }

    /** Commits per unit. */
    public double commitsPerUnit() {
        return per(commits);
    }

    /** Statements per unit; NaN when they were not counted. */
    public double statementsPerUnit() {
        return per(statements);
    }

    /** WAL flushes to disk per unit. */
    public double walSyncsPerUnit() {
        return per(walSyncs);
    }

    /** WAL records per unit. */
    public double walRecordsPerUnit() {
        return per(walRecords);
    }

    /** Rows inserted, updated or deleted per unit. */
    public double rowsWrittenPerUnit() {
        return per(rowsWritten);
    }

    /** The platform's JobRunr jobs per unit; NaN when they were not counted. */
    public double jobsPerUnit() {
        return per(jobs);
    }

    /** A count per unit; NaN when the count is unknown (negative) or there are no units. */
    public double per(long count) {
        return count < 0 || units <= 0 ? Double.NaN : (double) count / units;
    }
}
