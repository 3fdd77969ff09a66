/**
 * The benchmark harness behind {@code ./eventflow bench}: {@link io.eventflow.bench.Bench} (command line and
 * options), the run phase by phase, and the phases that drive the platform (end to end, single-event and
 * batch ingestion). It uses the other packages and none of them uses it: {@code load} sends the requests,
 * {@code platform} starts and watches the platform, {@code ceiling} measures what the platform is compared
 * with, {@code report} holds the figures and writes BENCHMARKS.md.
 */
package io.eventflow.bench;
