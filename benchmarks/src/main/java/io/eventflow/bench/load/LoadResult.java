package io.eventflow.bench.load;

import java.util.Map;

/**
 * One load step: how many requests succeeded (2xx) or failed, over how long, and their latency.
 * For an open-model step {@code offeredRate} is the schedule and latency counts from each request's
 * scheduled send time; for a closed-model (saturation) step it is 0 and latency is the service time.
 */
public record LoadResult(String label, double offeredRate, int concurrency, long ok, long failed,
                         Map<String, Long> outcomes, double seconds, Latency latency) {

    /** Successful requests per second. */
    public double throughput() {
        return seconds > 0 ? ok / seconds : 0;
    }

    /** True for a step sent on a fixed schedule. */
    public boolean openModel() {
        return offeredRate > 0;
    }
}
