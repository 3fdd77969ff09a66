/**
 * HTTP load: the open- and closed-model load generator with its per-step tally, the events it sends,
 * latency percentiles (HdrHistogram) and rates read from completion timestamps.
 */
package io.eventflow.bench.load;
