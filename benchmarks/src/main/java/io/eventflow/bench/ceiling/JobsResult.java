package io.eventflow.bench.ceiling;

import io.eventflow.bench.load.Latency;

/** JobRunr no-op jobs: enqueued and processed per second, and enqueue-to-succeeded latency. */
public record JobsResult(String label, int jobs, double enqueueRate, double processRate, Latency latency) {
}
