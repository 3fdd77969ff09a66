package io.eventflow.bench.report;

import java.util.List;

import io.eventflow.bench.ceiling.JobsResult;

/**
 * The end-to-end figures of one processing mode: each run of the sustained phase and of the drain (the headline is
 * their median), the fixed-rate latency run (null if it failed or did not run), and the runs of the JobRunr no-op
 * ceiling on the same platform with the subscriber's worker count in this mode ({@code jobWorkers}), which its
 * ratios are taken against.
 */
public record ModeResult(String mode, List<EndToEndResult> sustained, List<EndToEndResult> drains,
                         EndToEndResult fixed, List<JobsResult> ceilingRuns, int jobWorkers) {

    /** The JobRunr no-op ceiling (jobs/s, bulk enqueue) of this mode over its runs. */
    public Spread ceiling() {
        return Spread.of(ceilingRuns, JobsResult::processRate);
    }

    /** This mode's ceiling run with the median rate, or null. */
    public JobsResult medianCeiling() {
        return Spread.medianRun(ceilingRuns, JobsResult::processRate);
    }

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
