package io.eventflow.bench.load;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, read from a histogram of microseconds. */
public record Latency(long count, double p50, double p99, double p999, double max) {

    /** No samples. */
    public static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The percentiles of a histogram whose values are microseconds. */
    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    /** A histogram for microsecond values up to an hour, three significant digits. */
    public static Histogram microsHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
