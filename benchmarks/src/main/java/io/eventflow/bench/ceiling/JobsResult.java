package io.eventflow.bench.ceiling;

import io.eventflow.bench.load.Latency;
import io.eventflow.bench.platform.DbWork;
import io.eventflow.bench.platform.Usage;

/**
 * JobRunr no-op jobs: enqueued and processed per second, enqueue-to-succeeded latency, and - once measured - what
 * the step cost the database per job and the CPU it took (both null until then).
 */
public record JobsResult(String label, int jobs, double enqueueRate, double processRate, Latency latency,
                         DbWork work, Usage usage) {

    /** The same figures with the database's work and the step's CPU. */
    public JobsResult measured(DbWork dbWork, Usage cpu) {
        return new JobsResult(label, jobs, enqueueRate, processRate, latency, dbWork, cpu);
    }
}
