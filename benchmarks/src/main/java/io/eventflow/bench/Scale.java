package io.eventflow.bench;

import java.time.Duration;
import java.util.List;

/** How much load each phase sends: the full measurement, or the few-second smoke run CI uses. */
record Scale(String name, List<Integer> rates, Duration step, Duration warmup, int concurrency,
             int e2eRate, Duration e2eFixed, int e2eBurst, int batchSize, int kafkaRecords,
             int jobs, Duration settle) {

    /** The measurement run: about five minutes of load. */
    static final Scale FULL = new Scale("full", List.of(500, 1000, 2500, 5000), Duration.ofSeconds(10),
            Duration.ofSeconds(5), 64, 100, Duration.ofSeconds(30), 10_000, 100, 300_000, 20_000,
            Duration.ofSeconds(3));

    /** Proves every phase works; its figures mean nothing. */
    static final Scale SMOKE = new Scale("smoke", List.of(20), Duration.ofSeconds(1), Duration.ofMillis(500), 4,
            20, Duration.ofSeconds(1), 40, 5, 2_000, 100, Duration.ofMillis(500));

    /** Longest wait for events to be stored or jobs to finish. */
    Duration drainTimeout() {
        return this == SMOKE ? Duration.ofSeconds(90) : Duration.ofSeconds(180);
    }
}
