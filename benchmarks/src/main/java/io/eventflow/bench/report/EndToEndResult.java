package io.eventflow.bench.report;

import io.eventflow.bench.load.Latency;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.platform.DbWork;
import io.eventflow.bench.platform.Usage;


/**
 * Events from POST to stored row. {@code acceptedToStored} counts from the 202, {@code postToStored}
 * from the scheduled send; {@code toScheduled} from the 202 to the subscriber's pending status, and
 * {@code scheduledToStored} the rest (JobRunr's pick-up and the job). Rates: the publisher's acceptance,
 * the consumer's scheduling and the jobs' storing (each 10th to 90th percentile; a sustained phase's storing
 * inside its load window), and overall from the first send to the last stored row. {@code endpoint} says what
 * the load was sent to; {@code backlog} (null unless the load was held to the storing) how far it ran ahead;
 * {@code work} (null when not read) what the phase cost PostgreSQL per stored event.
 */
public record EndToEndResult(String label, LoadResult load, long stored, Latency acceptedToStored,
                             Latency postToStored, Latency toScheduled, Latency scheduledToStored,
                             double scheduleRate, double storeRate, double overallRate, Usage usage,
                             String endpoint, Backlog backlog, DbWork work) {
}
