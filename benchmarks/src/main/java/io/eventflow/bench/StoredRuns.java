package io.eventflow.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.eventflow.bench.load.EventBodies;
import io.eventflow.bench.load.Latency;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.load.Rates;
import io.eventflow.bench.platform.DatabaseCounters;
import io.eventflow.bench.platform.DbCounters;
import io.eventflow.bench.platform.DbWork;
import io.eventflow.bench.platform.ProcessMonitor;
import io.eventflow.bench.platform.StoredEvents;
import io.eventflow.bench.platform.Usage;
import io.eventflow.bench.report.Backlog;
import io.eventflow.bench.report.EndToEndResult;
import org.HdrHistogram.Histogram;

/**
 * Turns a finished end-to-end run into its result: waits for its events' rows, reads what the database did for them
 * (from the counters read before the run), and times every row from its request's answer and its due time.
 */
final class StoredRuns {

    /**
     * One run as sent: {@code accepted} maps a request's sequence number to when its 2xx arrived (epoch micros), a
     * request carrying {@code eventsPerRequest} events; {@code rate} is an open model's (0 otherwise); {@code window}
     * (null: 10th to 90th percentile) bounds the rows the store rate is read from; {@code before} the counters before
     * the run (null when they are not read).
     */
    record Run(String label, String endpoint, EventBodies events, LoadResult result, Map<Long, Long> accepted,
               int eventsPerRequest, long startMicros, int rate, long[] window, Backlog backlog, DbCounters before) {
    }

    private final StoredEvents store;
    private final DatabaseCounters counters;
    private final Scale scale;
    private final Progress progress;

    StoredRuns(StoredEvents store, DatabaseCounters counters, Scale scale, Progress progress) {
        this.store = store;
        this.counters = counters;
        this.scale = scale;
        this.progress = progress;
    }

    /** The platform's stored events. */
    StoredEvents store() {
        return store;
    }

    /** The database's counters now, or null when they are not read. */
    DbCounters counters() throws SQLException {
        return counters == null ? null : counters.read();
    }

    /** Waits for the run's events, then measures; {@code usage} is the run's CPU, or null to end {@code phase} once stored. */
    EndToEndResult collect(Run run, ProcessMonitor.Phase phase, Usage usage) throws SQLException {
        long ok = run.result().ok();
        progress.phase(run.label() + ": waiting until " + ok + " accepted events are stored");
        long stored = store.await(run.events().userIds(), ok, scale.drainTimeout(),
                n -> progress.track(() -> n + " of " + ok + " stored"));
        Usage used = usage != null ? usage : phase.end();
        DbWork work = run.before() == null ? null : DbWork.between(run.before(), counters.settled(), stored);
        List<StoredEvents.Row> rows = store.rows(run.events().userIds());
        ToLongFunction<StoredEvents.Row> acceptedAt = r -> run.accepted().getOrDefault(r.seq() / run.eventsPerRequest(), 0L);
        ToLongFunction<StoredEvents.Row> dueAt = r -> run.rate() > 0 ? run.startMicros() + r.seq() * 1_000_000L / run.rate() : 0;
        long[] storedAt = rows.stream().mapToLong(StoredEvents.Row::storedMicros).toArray();
        long lastStored = rows.stream().mapToLong(StoredEvents.Row::storedMicros).max().orElse(run.startMicros());
        double storeRate = run.window() == null ? Rates.steadyRate(storedAt)
                : Rates.windowRate(storedAt, run.window()[0], run.window()[1]);
        EndToEndResult result = new EndToEndResult(run.label(), run.result(), rows.size(),
                latency(rows, acceptedAt, StoredEvents.Row::storedMicros),
                latency(rows, dueAt, StoredEvents.Row::storedMicros),
                latency(rows, acceptedAt, StoredEvents.Row::scheduledMicros),
                latency(rows, StoredEvents.Row::scheduledMicros, StoredEvents.Row::storedMicros),
                Rates.steadyRate(rows.stream().mapToLong(StoredEvents.Row::scheduledMicros).filter(t -> t > 0).toArray()),
                storeRate, Rates.overall(rows.size(), run.startMicros(), lastStored), used, run.endpoint(), run.backlog(),
                work);
        progress.result(summary(result));
        return result;
    }

    /** The line printed once a run is measured: its store rate and, if read, the database's work per stored event. */
    static String summary(EndToEndResult e) {
        String line = String.format(Locale.ROOT, "%s: %,.0f events/s stored", e.label(), e.storeRate());
        DbWork w = e.work();
        if (w == null) {
            return line;
        }
        return line + String.format(Locale.ROOT,
                "; per stored event %s commits, %s statements, %s WAL flushes, %s JobRunr jobs", perUnit(w.commitsPerUnit()),
                perUnit(w.statementsPerUnit()), perUnit(w.walSyncsPerUnit()), perUnit(w.jobsPerUnit()));
    }

    private static String perUnit(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 0.1 ? "%.4f" : "%.2f", value);
    }

    private static Latency latency(List<StoredEvents.Row> rows, ToLongFunction<StoredEvents.Row> from,
                                   ToLongFunction<StoredEvents.Row> to) {
        Histogram micros = Latency.microsHistogram();
        for (StoredEvents.Row row : rows) {
            long start = from.applyAsLong(row);
            long end = to.applyAsLong(row);
            if (start > 0 && end > 0) {
                micros.recordValue(Math.max(0, end - start));
            }
        }
        return Latency.of(micros);
    }
}
