/**
 * The figures one run measured and BENCHMARKS.md made from them: the summary table against the ceilings,
 * the detailed sections, and "what bounds it" read from the CPU evidence.
 */
package io.eventflow.bench.report;
