package io.eventflow.bench.load;

import java.util.Arrays;
import java.time.Instant;

/** Throughput read from completion timestamps. */
public final class Rates {

    private Rates() {
    }

    /**
     * Completions per second between the 10th and the 90th percentile of the timestamps (microseconds),
     * so neither the first poll's wait nor the tail of stragglers counts; all of them below 20 samples.
     */
    public static double steadyRate(long[] timestampsMicros) {
        long[] sorted = timestampsMicros.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n < 2) {
            return Double.NaN;
        }
        int from = n < 20 ? 0 : n / 10;
        int to = n < 20 ? n - 1 : (9 * n) / 10;
        double seconds = (sorted[to] - sorted[from]) / 1e6;
        return seconds > 0 ? (to - from) / seconds : Double.NaN;
    }

    /**
     * Completions per second inside a window of microseconds {@code [fromMicros, toMicros]}: those timestamped in it,
     * over its length; NaN for an empty window.
     */
    public static double windowRate(long[] timestampsMicros, long fromMicros, long toMicros) {
        if (toMicros <= fromMicros) {
            return Double.NaN;
        }
        long inside = Arrays.stream(timestampsMicros).filter(t -> t >= fromMicros && t <= toMicros).count();
        return inside / ((toMicros - fromMicros) / 1e6);
    }

    /** Events per second over a span of microseconds. */
    public static double overall(long count, long fromMicros, long toMicros) {
        double seconds = (toMicros - fromMicros) / 1e6;
        return seconds > 0 ? count / seconds : Double.NaN;
    }

    /** Microseconds since the epoch, now. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
