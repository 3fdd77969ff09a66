/**
 * The ceilings each figure is set against, measured in the same run: Kafka's {@code ProducerPerformance},
 * a JobRunr server running no-op jobs, and a Helidon MP endpoint that does nothing (own JVM).
 */
package io.eventflow.bench.ceiling;
