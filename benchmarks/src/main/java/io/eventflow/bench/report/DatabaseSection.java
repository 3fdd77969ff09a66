package io.eventflow.bench.report;

import java.util.List;
import java.util.Map;

import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.platform.DbWork;

/**
 * The report's "Database work per stored event" section: for every end-to-end run and every run of the JobRunr no-op
 * ceiling, what PostgreSQL's counters moved by per stored event (per job for the ceiling), and its most frequent
 * statements.
 */
final class DatabaseSection {

    private final Report r;
    private final List<String> out;

    DatabaseSection(Report report, List<String> out) {
        this.r = report;
        this.out = out;
    }

    void render() {
        out.add("\n## Database work per stored event\n");
        out.add("""
                PostgreSQL's counters read before the phase's first request and after its last event was stored (and \
                the counters stopped moving), divided by the events it stored - for the JobRunr no-op ceiling, by its \
                jobs. **Commits** are `pg_stat_database.xact_commit` of the platform's database: every transaction, \
                read-only ones included (a SELECT in autocommit is a commit too), less the harness's own queries. \
                **WAL flushes** are `pg_stat_wal.wal_sync` (the whole server): the disk flushes that durable commits \
                wait for, the harness's own included (it writes nothing). **Statements** are `pg_stat_statements` calls \
                in the database, less transaction control (BEGIN, COMMIT...), SET/SHOW and the harness's own queries; \
                each row of a JDBC batch is one call. Rows written are `tup_inserted + tup_updated + tup_deleted`; \
                JobRunr jobs are the rows the platform's `jobrunr_jobs` gained. PostgreSQL 14 passes a connection's \
                counters on at most every 500 ms: the last half-second of a connection that then stays idle can be \
                missing.
                """);
        out.add("| run | per | units | commits | statements | WAL flushes | WAL records | rows written | JobRunr jobs "
                + "| most frequent statements (calls per unit) |");
        out.add("|---|---|---|---|---|---|---|---|---|---|");
        for (ModeResult m : r.modes()) {
            m.sustained().forEach(e -> row(e.label(), "stored event", e.work()));
            m.drains().forEach(e -> row(e.label(), "stored event", e.work()));
        }
        for (JobsResult j : r.ceilingRuns()) {
            row("JobRunr no-op, " + j.label(), "job", j.work());
        }
    }

    private void row(String label, String per, DbWork w) {
        if (w == null) {
            out.add("| " + label + " | " + per + " | - | - | - | - | - | - | - | not read |");
            return;
        }
        boolean ceiling = "job".equals(per);
        out.add("| " + label + " | " + per + " | " + Fmt.num(w.units()) + " | " + Fmt.dec(w.commitsPerUnit()) + " | "
                + Fmt.dec(w.statementsPerUnit()) + " | " + Fmt.dec(w.walSyncsPerUnit()) + " | "
                + Fmt.dec(w.walRecordsPerUnit()) + " | " + Fmt.dec(w.rowsWrittenPerUnit()) + " | "
                + (ceiling ? "-" : Fmt.dec(w.jobsPerUnit())) + " | " + top(w) + " |");
    }

    /** The most frequent statements, e.g. {@code 1.00 INSERT INTO jobrunr_jobs ...; 1.00 UPDATE ...}. */
    static String top(DbWork w) {
        if (w.statements() < 0) {
            return "not counted (pg_stat_statements not loaded)";
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Long> e : w.topStatements().entrySet()) {
            String sql = Fmt.cell(e.getKey());
            text.append(text.isEmpty() ? "" : "; ").append(Fmt.dec(w.per(e.getValue()))).append(" `")
                    .append(sql.length() > 100 ? sql.substring(0, 100) + "..." : sql).append('`');
        }
        return text.isEmpty() ? "-" : text.toString();
    }
}
