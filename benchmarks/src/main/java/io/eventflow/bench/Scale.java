package io.eventflow.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much load each phase sends: the full measurement, or the few-second smoke run CI uses. End to end: a warm-up,
 * then {@code e2eRuns} rounds of a sustained window and a drain of a backlog sized to {@code drainFor} of the
 * sustained rate (at least {@code drainMin} events); the sustained load is held at most {@code backlogFloor} events
 * (or {@link BacklogGate#AHEAD} of storing) ahead of the stored rows.
 */
record Scale(String name, List<Integer> rates, Duration step, Duration warmup, int concurrency,
             int e2eRate, Duration e2eFixed, Duration e2eWarmup, Duration e2eWindow, int e2eRuns, int backlogFloor,
             int drainMin, Duration drainFor, int batchSize, int batchClients, int kafkaRecords, int jobs,
             Duration settle) {

    /** The measurement run: with both processing modes, about a quarter of an hour. */
    static final Scale FULL = new Scale("full", List.of(500, 1000, 2500, 5000), Duration.ofSeconds(10),
            Duration.ofSeconds(5), 64, 100, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), 3,
            2_000, 5_000, Duration.ofSeconds(30), 100, 4, 300_000, 20_000, Duration.ofSeconds(3));

    /** Proves every phase works; its figures mean nothing (its window outlasts one JobRunr poll interval). */
    static final Scale SMOKE = new Scale("smoke", List.of(20), Duration.ofSeconds(1), Duration.ofMillis(500), 4,
            20, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(6), 1, 100, 40, Duration.ofSeconds(1),
            5, 2, 2_000, 100, Duration.ofMillis(500));

    /** The most events a drain's backlog holds, whatever the sustained rate. */
    static final int DRAIN_MAX = 200_000;

    /** Longest wait for events to be stored or jobs to finish. */
    Duration drainTimeout() {
        return this == SMOKE ? Duration.ofSeconds(90) : Duration.ofSeconds(180);
    }

    /** The same scale with another number of end-to-end rounds. */
    Scale withRuns(int runs) {
        return new Scale(name, rates, step, warmup, concurrency, e2eRate, e2eFixed, e2eWarmup, e2eWindow, runs,
                backlogFloor, drainMin, drainFor, batchSize, batchClients, kafkaRecords, jobs, settle);
    }

    /**
     * The backlog a drain works through: {@code drainFor} of the sustained rate just measured (NaN when it was not),
     * at least {@code drainMin} and at most {@link #DRAIN_MAX} events, in whole batches.
     */
    int drainEvents(double sustainedRate) {
        double wanted = Double.isNaN(sustainedRate) ? 0 : sustainedRate * drainFor.toMillis() / 1000.0;
        long events = Math.min(DRAIN_MAX, Math.max(drainMin, Math.round(wanted)));
        return (int) ((events + batchSize - 1) / batchSize * batchSize);
    }
}
