package io.eventflow.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.eventflow.bench.load.EventBodies;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.load.Rates;
import io.eventflow.bench.platform.DatabaseCounters;
import io.eventflow.bench.platform.DbCounters;
import io.eventflow.bench.platform.Endpoints;
import io.eventflow.bench.platform.ProcessMonitor;
import io.eventflow.bench.platform.StoredEvents;
import io.eventflow.bench.platform.SubscriberPause;
import io.eventflow.bench.platform.Usage;
import io.eventflow.bench.report.EndToEndResult;

/**
 * Events from POST to stored row in one processing mode: a warm-up, a fixed rate (latency), a sustained window
 * (the rate the platform stores while it takes events in) and a drain (the subscriber alone on a backlog). The
 * sustained load goes to the batch endpoint in both modes, so that the harness's HTTP client and the publisher's
 * per-request work, which share the machine's cores with the subscriber, are not what bounds the stored rate; it is
 * held ahead of the stored rows by a {@link GatedLoad}. Single events are timed at the fixed rate.
 */
final class EndToEndBenchmark {

    private final Endpoints endpoints;
    private final Scale scale;
    private final String apiKey;
    private final String mode;
    private final LoadGenerator load;
    private final ProcessMonitor monitor;
    private final Progress progress;
    private final StoredRuns runs;
    private final GatedLoad gated;

    EndToEndBenchmark(Endpoints endpoints, Scale scale, String apiKey, String mode, LoadGenerator load,
                      ProcessMonitor monitor, Progress progress, DatabaseCounters counters) {
        this.endpoints = endpoints;
        this.scale = scale;
        this.apiKey = apiKey;
        this.mode = mode;
        this.load = load;
        this.monitor = monitor;
        this.progress = progress;
        StoredEvents store = new StoredEvents(endpoints.jdbcUrl());
        this.runs = new StoredRuns(store, counters, scale, progress);
        this.gated = new GatedLoad(load, store, scale.backlogFloor());
    }

    /**
     * The sustained load for the warm-up time, awaited until stored and not measured: the end-to-end phases come first
     * on a fresh platform, and without it they would time the services' JIT compilation.
     */
    void warmUp() throws Exception {
        EventBodies events = new EventBodies(Bench.runId("w"), apiKey);
        GatedLoad.Shape shape = shape(events);
        progress.phase(mode + " mode: warm-up, " + shape.endpoint() + " for " + scale.e2eWarmup().toMillis() + " ms");
        GatedLoad.Sent sent = gated.send("end to end warm-up, " + mode, shape, events, scale.e2eWarmup());
        runs.store().await(events.userIds(), sent.result().ok(), scale.drainTimeout(),
                n -> progress.track(() -> "warm-up: " + n + " of " + sent.result().ok() + " stored"));
    }

    /** A fixed offered rate of single events (open model): the latency from accepted to stored. */
    EndToEndResult fixedRate() throws SQLException {
        int rate = scale.e2eRate();
        String label = "end to end @" + rate + "/s, " + mode + " mode";
        EventBodies events = new EventBodies(Bench.runId("r"), apiKey);
        Map<Long, Long> accepted = new ConcurrentHashMap<>();
        progress.phase(label + " for " + scale.e2eFixed().toSeconds() + " s");
        DbCounters before = runs.counters();
        ProcessMonitor.Phase phase = monitor.begin(label);
        long startMicros = Rates.nowMicros();
        LoadResult result = load.open(label, events.singles(singlesUrl()), rate, scale.e2eFixed(),
                (seq, status, body) -> GatedLoad.accepted(accepted, seq, status));
        return runs.collect(new StoredRuns.Run(label, "POST " + EventBodies.SINGLE_PATH + " at " + rate + "/s", events,
                result, accepted, 1, startMicros, rate, null, null, before), phase, null);
    }

    /**
     * The platform under as much load as it stores, for the window: the rate is read from the rows stored inside it
     * (its first fifth left out, while the pipeline fills), the database's work over all the phase's events.
     */
    EndToEndResult sustained(int run) throws Exception {
        String label = "end to end, sustained, " + mode + " mode, run " + run + " of " + scale.e2eRuns();
        EventBodies events = new EventBodies(Bench.runId("s"), apiKey);
        GatedLoad.Shape shape = shape(events);
        progress.phase(label + ": " + shape.endpoint() + " for " + scale.e2eWindow().toSeconds() + " s");
        DbCounters before = runs.counters();
        ProcessMonitor.Phase phase = monitor.begin(label);
        long startMicros = Rates.nowMicros();
        GatedLoad.Sent sent = gated.send(label, shape, events, scale.e2eWindow());
        long endMicros = Rates.nowMicros();
        Usage usage = phase.end();
        long[] window = {startMicros + (endMicros - startMicros) / 5, endMicros};
        return runs.collect(new StoredRuns.Run(label, shape.endpoint(), events, sent.result(), sent.accepted(),
                shape.eventsPerRequest(), startMicros, 0, window, sent.backlog(), before), phase, usage);
    }

    /**
     * The subscriber alone: with it paused, a backlog of {@code drainFor} of the sustained rate goes in through the
     * batch endpoint; then it is resumed and the rate at which it stores the backlog is measured.
     */
    EndToEndResult drain(int run, Long subscriberPid, double sustainedRate) throws Exception {
        int events = scale.drainEvents(sustainedRate);
        int size = scale.batchSize();
        String label = "subscriber drain, " + mode + " mode, run " + run + " of " + scale.e2eRuns();
        EventBodies bodies = new EventBodies(Bench.runId("d"), apiKey);
        DbCounters before;
        LoadResult sent;
        try (SubscriberPause pause = SubscriberPause.pause(subscriberPid)) {
            if (!pause.paused()) {
                throw new IllegalStateException("the subscriber's process was not found, so it could not be paused");
            }
            progress.phase(label + ": a backlog of " + events + " events, sent with the subscriber paused");
            before = runs.counters();
            sent = load.closed(label + " (sending)", bodies.batches(batchUrl(), size), scale.batchClients(),
                    Duration.ofMinutes(5), events / size, LoadGenerator.Listener.NONE);
            progress.phase(label + ": subscriber resumed");
        }
        ProcessMonitor.Phase phase = monitor.begin(label);
        long startMicros = Rates.nowMicros();
        LoadResult accepted = new LoadResult(sent.label(), 0, sent.concurrency(), sent.ok() * size,
                sent.failed() * size, sent.outcomes(), sent.seconds(), sent.latency());
        return runs.collect(new StoredRuns.Run(label, "backlog of " + events + " sent to POST " + EventBodies.BATCH_PATH,
                bodies, accepted, Map.of(), size, startMicros, 0, null, null, before), phase, null);
    }

    private GatedLoad.Shape shape(EventBodies events) {
        return GatedLoad.Shape.batches(events, endpoints.publisher(), scale);
    }

    private String singlesUrl() {
        return endpoints.publisher() + EventBodies.SINGLE_PATH;
    }

    private String batchUrl() {
        return endpoints.publisher() + EventBodies.BATCH_PATH;
    }
}
