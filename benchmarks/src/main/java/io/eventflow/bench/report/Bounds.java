package io.eventflow.bench.report;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.platform.Usage;

/** "What bounds it": the measured evidence for each figure, in words. */
final class Bounds {

    private Bounds() {
    }

    /** The machine's CPU and the busiest processes during a step. */
    static String cpu(Usage usage) {
        int cores = Runtime.getRuntime().availableProcessors();
        String verdict = usage.machineCpu() >= 90.0 * cores ? "CPU-bound: " : "";
        String threads = String.join("; ", usage.busiestThreads().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
        return verdict + "machine CPU " + Fmt.cpu(usage.machineCpu()) + " of " + (100 * cores) + "% ("
                + usage.cpuBreakdown() + ")" + (threads.isEmpty() ? "" : "; busiest threads " + threads);
    }

    /** Which stage of the pipeline was slowest: acceptance, the consumer's scheduling, or the jobs. */
    static String endToEnd(EndToEndResult e, JobsResult sequentialEnqueue) {
        double accept = e.load().throughput();
        String stages = "accepted " + Fmt.num(accept) + "/s, scheduled by the consumer " + Fmt.num(e.scheduleRate())
                + "/s, stored by jobs " + Fmt.num(e.storeRate()) + "/s";
        String slowest;
        if (e.scheduleRate() < accept * 0.9 && e.storeRate() >= e.scheduleRate() * 0.9) {
            slowest = "the consumer's scheduling (pending statuses in one statement + a JobRunr bulk insert per batch"
                    + (sequentialEnqueue == null ? "" : "; JobRunr alone enqueues " + Fmt.num(sequentialEnqueue.enqueueRate())
                    + "/s one at a time") + ")";
        } else if (e.storeRate() < e.scheduleRate() * 0.9) {
            slowest = "the jobs (JobRunr fetch + route + JPA insert per event)";
        } else {
            slowest = "acceptance: the publisher";
        }
        return "slowest stage: " + slowest + "; " + stages + "; " + cpu(e.usage());
    }

    /** What the subscriber spends per stored event when it works alone through a backlog. */
    static String drain(EndToEndResult e) {
        double stored = e.storeRate();
        String perEvent = stored > 0 ? "; CPU per stored event " + Fmt.num(e.usage().machineCpu() / stored * 10_000)
                + " us (machine)" : "";
        return "consumer scheduled " + Fmt.num(e.scheduleRate()) + "/s, jobs stored " + Fmt.num(stored) + "/s"
                + perEvent + "; " + cpu(e.usage());
    }

    /** Where the time from 202 to stored row goes at a low rate. */
    static String pickUp(EndToEndResult e) {
        return "202 to pending status p99 " + Fmt.ms(e.toScheduled().p99()) + "; pending to stored p50 "
                + Fmt.ms(e.scheduledToStored().p50()) + ", p99 " + Fmt.ms(e.scheduledToStored().p99())
                + " (JobRunr poll interval " + JobRunrCeiling.POLL_INTERVAL.toSeconds() + " s)";
    }
}
