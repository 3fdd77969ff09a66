package io.eventflow.bench.report;

import java.util.List;

/**
 * The end-to-end figures of one processing mode: each run of the sustained phase and of the drain (the headline is
 * their median), and the fixed-rate latency run (null if it failed or did not run).
 */
public record ModeResult(String mode, List<EndToEndResult> sustained, List<EndToEndResult> drains,
                         EndToEndResult fixed) {

    /** The sustained rate (events/s stored) over the runs. */
    public Spread sustainedRate() {
        return Spread.of(sustained, EndToEndResult::storeRate);
    }

    /** The drain rate (events/s stored) over the runs. */
    public Spread drainRate() {
        return Spread.of(drains, EndToEndResult::storeRate);
    }

    /** The sustained run with the median rate, or null. */
    public EndToEndResult medianSustained() {
        return Spread.medianRun(sustained, EndToEndResult::storeRate);
    }

    /** The drain run with the median rate, or null. */
    public EndToEndResult medianDrain() {
        return Spread.medianRun(drains, EndToEndResult::storeRate);
    }
}
