package io.eventflow.bench;

/** The batch endpoint's figures, or why there are none ({@code step} is null then). */
public record BatchResult(String note, String path, int batchSize, LoadStep step, double eventsPerSecond) {

    /** No batch figures, and why. */
    static BatchResult skipped(String why) {
        return new BatchResult(why, null, 0, null, Double.NaN);
    }

    /** True when the endpoint was measured. */
    boolean measured() {
        return step != null;
    }
}
