package io.eventflow.bench.report;

import io.eventflow.bench.load.LoadStep;

/** The batch endpoint's figures, or why there are none ({@code step} is null then). */
public record BatchResult(String note, String path, int batchSize, LoadStep step, double eventsPerSecond) {

    /** No batch figures, and why. */
    public static BatchResult skipped(String why) {
        return new BatchResult(why, null, 0, null, Double.NaN);
    }

    /** True when the endpoint was measured. */
    public boolean measured() {
        return step != null;
    }
}
