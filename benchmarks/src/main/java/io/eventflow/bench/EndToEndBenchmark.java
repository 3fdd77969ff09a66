package io.eventflow.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

import io.eventflow.bench.load.EventBodies;
import io.eventflow.bench.load.Latency;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.load.Rates;
import io.eventflow.bench.platform.Endpoints;
import io.eventflow.bench.platform.ProcessMonitor;
import io.eventflow.bench.platform.StoredEvents;
import io.eventflow.bench.platform.SubscriberPause;
import io.eventflow.bench.platform.Usage;
import io.eventflow.bench.report.EndToEndResult;
import org.HdrHistogram.Histogram;

/**
 * Events from POST to stored row, timed with the 202's arrival and the rows' own timestamps
 * ({@code event_processing_status.created_at}, {@code user_analytics_events.processed_at}).
 */
final class EndToEndBenchmark {

    private final Endpoints endpoints;
    private final Scale scale;
    private final String apiKey;
    private final LoadGenerator load;
    private final ProcessMonitor monitor;
    private final Progress progress;

    EndToEndBenchmark(Endpoints endpoints, Scale scale, String apiKey, LoadGenerator load, ProcessMonitor monitor,
                      Progress progress) {
        this.endpoints = endpoints;
        this.scale = scale;
        this.apiKey = apiKey;
        this.load = load;
        this.monitor = monitor;
        this.progress = progress;
    }

    /**
     * Events at four times the fixed rate for the warm-up time, awaited until stored, and not measured: the end-to-end
     * phases come first in a run, and without it they would time the services' JIT compilation.
     */
    void warmUp() throws SQLException {
        int rate = scale.e2eRate() * 4;
        EventBodies events = new EventBodies(Bench.runId("w"), apiKey);
        progress.phase("end to end: warm-up, " + rate + " events/s for " + scale.warmup().toMillis() + " ms");
        LoadResult result = load.open("end to end warm-up", events.singles(url()), rate, scale.warmup(),
                (seq, status, body) -> { });
        new StoredEvents(endpoints.jdbcUrl()).await(events.userIds(), result.ok(), scale.drainTimeout(),
                n -> progress.track(() -> "warm-up: " + n + " of " + result.ok() + " stored"));
    }

    /** A fixed offered rate (open model): the latency from accepted to stored. */
    EndToEndResult fixedRate() throws SQLException {
        int rate = scale.e2eRate();
        String label = "end to end @" + rate + "/s";
        EventBodies events = new EventBodies(Bench.runId("r"), apiKey);
        long[] accepted = new long[(int) (rate * scale.e2eFixed().toSeconds()) + 1];
        progress.phase(label + " for " + scale.e2eFixed().toSeconds() + " s");
        ProcessMonitor.Phase phase = monitor.begin(label);
        long startMicros = Rates.nowMicros();
        LoadResult result = load.open(label, events.singles(url()), rate, scale.e2eFixed(), acceptance(accepted));
        return collect(label, events, result, accepted, startMicros, rate, phase);
    }

    /** A burst sent as fast as the publisher takes it: the sustained rate from POST to stored row. */
    EndToEndResult burst() throws SQLException {
        int events = scale.e2eBurst();
        String label = "end to end, burst of " + events;
        EventBodies bodies = new EventBodies(Bench.runId("b"), apiKey);
        long[] accepted = new long[events];
        progress.phase(label + " from " + scale.concurrency() + " clients");
        ProcessMonitor.Phase phase = monitor.begin(label);
        long startMicros = Rates.nowMicros();
        LoadResult result = load.closed(label, bodies.singles(url()), scale.concurrency(), Duration.ofMinutes(5),
                events, acceptance(accepted));
        return collect(label, bodies, result, accepted, startMicros, 0, phase);
    }

    /**
     * The subscriber alone: with it paused, a backlog of burst-size events goes in through the batch endpoint; then
     * it is resumed and the rate at which its jobs store the backlog is measured, with no ingestion beside it.
     */
    EndToEndResult drain(Long subscriberPid) throws Exception {
        int events = scale.e2eBurst();
        int size = scale.batchSize();
        String label = "subscriber drain of a backlog of " + events;
        EventBodies bodies = new EventBodies(Bench.runId("d"), apiKey);
        LoadResult sent;
        try (SubscriberPause pause = SubscriberPause.pause(subscriberPid)) {
            if (!pause.paused()) {
                throw new IllegalStateException("the subscriber's process was not found, so it could not be paused");
            }
            progress.phase(label + ": sending it with the subscriber paused");
            sent = load.closed(label + " (sending)", bodies.batches(endpoints.publisher() + "/api/v1/events/batch", size),
                    4, Duration.ofMinutes(5), (events + size - 1) / size, (seq, status, body) -> { });
            progress.phase(label + ": subscriber resumed");
        }
        ProcessMonitor.Phase phase = monitor.begin(label);
        long startMicros = Rates.nowMicros();
        LoadResult accepted = new LoadResult(sent.label(), 0, sent.concurrency(), sent.ok() * size,
                sent.failed() * size, sent.outcomes(), sent.seconds(), sent.latency());
        return collect(label, bodies, accepted, new long[0], startMicros, 0, phase);
    }

    private EndToEndResult collect(String label, EventBodies events, LoadResult result, long[] accepted,
                                   long startMicros, int rate, ProcessMonitor.Phase phase) throws SQLException {
        progress.phase(label + ": waiting until " + result.ok() + " accepted events are stored");
        StoredEvents db = new StoredEvents(endpoints.jdbcUrl());
        db.await(events.userIds(), result.ok(), scale.drainTimeout(),
                n -> progress.track(() -> n + " of " + result.ok() + " stored"));
        Usage usage = phase.end();
        List<StoredEvents.Row> rows = db.rows(events.userIds());
        ToLongFunction<StoredEvents.Row> acceptedAt = r -> r.seq() < accepted.length ? accepted[(int) r.seq()] : 0;
        ToLongFunction<StoredEvents.Row> sentAt = r -> rate > 0 ? startMicros + r.seq() * 1_000_000L / rate : 0;
        long lastStored = rows.stream().mapToLong(StoredEvents.Row::storedMicros).max().orElse(startMicros);
        return new EndToEndResult(label, result, rows.size(),
                latency(rows, acceptedAt, StoredEvents.Row::storedMicros),
                latency(rows, sentAt, StoredEvents.Row::storedMicros),
                latency(rows, acceptedAt, StoredEvents.Row::scheduledMicros),
                latency(rows, StoredEvents.Row::scheduledMicros, StoredEvents.Row::storedMicros),
                Rates.steadyRate(rows.stream().mapToLong(StoredEvents.Row::scheduledMicros).toArray()),
                Rates.steadyRate(rows.stream().mapToLong(StoredEvents.Row::storedMicros).toArray()),
                Rates.overall(rows.size(), startMicros, lastStored), usage);
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

    private static LoadGenerator.Listener acceptance(long[] accepted) {
        return (seq, status, body) -> {
            if (status >= 200 && status < 300 && seq < accepted.length) {
                accepted[(int) seq] = Rates.nowMicros();
            }
        };
    }

    private String url() {
        return endpoints.publisher() + "/api/v1/events/analytics";
    }
}
