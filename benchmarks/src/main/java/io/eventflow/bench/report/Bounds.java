package io.eventflow.bench.report;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.platform.DbWork;
import io.eventflow.testing.ProcessingMode;
import io.eventflow.bench.platform.Usage;

/**
 * "What bounds it": for each figure, the limit the run's own evidence points at - the load generator, the CPU,
 * JobRunr's per-job commit, the commits of a batch - followed by that evidence.
 */
final class Bounds {

    /** CPU (100% = one core) used outside the platform and the harness from which the report names it. */
    static final double OUTSIDE = 20;
    /** Machine CPU per core (%) from which a phase that is not CPU-bound is called nearly so. */
    static final double NEARLY_FULL = 75;
    /** Jobs per stored event from which the subscriber is taken to run one job per event. */
    static final double ONE_JOB_PER_EVENT = 0.5;

    private Bounds() {
    }

    /** The machine's CPU and the busiest processes during a step. */
    static String cpu(Usage usage) {
        int cores = Runtime.getRuntime().availableProcessors();
        String verdict = cpuBound(usage) ? "CPU-bound: " : "";
        String threads = String.join("; ", usage.busiestThreads().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
        double outside = outside(usage);
        return verdict + "machine CPU " + Fmt.cpu(usage.machineCpu()) + " of " + (100 * cores) + "% ("
                + usage.cpuBreakdown() + (outside >= OUTSIDE ? ", other processes " + Fmt.cpu(outside) : "") + ")"
                + (threads.isEmpty() ? "" : "; busiest threads " + threads);
    }

    /** The machine's CPU that none of the watched processes used: other work on a shared machine. */
    static double outside(Usage usage) {
        double watched = usage.cpu().values().stream().mapToDouble(Double::doubleValue).sum();
        return Math.max(0, usage.machineCpu() - watched);
    }

    /** True when the machine's CPU was (nearly) all used. */
    static boolean cpuBound(Usage usage) {
        return usage.machineCpu() >= 90.0 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * A sustained phase: the load generator when the platform stored all it was sent (its senders never waited for the
     * backlog to shrink); otherwise what limited the storing. Then each stage's rate and the CPU.
     */
    static String sustained(EndToEndResult e, JobsResult ceiling) {
        String verdict;
        if (e.backlog() != null && !e.backlog().reached()) {
            verdict = "bounded by the load generator: the platform stored all it was sent (" + e.endpoint()
                    + "; at most " + Fmt.num(e.backlog().peak()) + " events waiting, below the cap of "
                    + Fmt.num(e.backlog().cap()) + ")";
        } else {
            verdict = storing(e.usage(), e.work(), ceiling);
        }
        return verdict + "; accepted " + Fmt.num(e.load().throughput()) + "/s, scheduled by the consumer "
                + Fmt.num(e.scheduleRate()) + "/s, stored " + Fmt.num(e.storeRate()) + "/s; " + cpu(e.usage());
    }

    /** The subscriber alone working through a backlog: what limited the storing, its CPU per stored event. */
    static String drain(EndToEndResult e, JobsResult ceiling) {
        double stored = e.storeRate();
        String perEvent = stored > 0 ? "; CPU per stored event " + Fmt.num(e.usage().machineCpu() / stored * 10_000)
                + " us (machine)" : "";
        return storing(e.usage(), e.work(), ceiling) + "; consumer scheduled " + Fmt.num(e.scheduleRate())
                + "/s, jobs stored " + Fmt.num(stored) + "/s" + perEvent + "; " + cpu(e.usage());
    }

    /** JobRunr's own no-op jobs: the CPU if it was full, else the commits each job costs. */
    static String ceiling(JobsResult j) {
        if (j.usage() != null && cpuBound(j.usage())) {
            return cpuVerdict(j.usage()) + "; " + cpu(j.usage());
        }
        String perJob = j.work() == null ? "" : ": " + Fmt.dec(j.work().commitsPerUnit()) + " commits and "
                + Fmt.dec(j.work().walSyncsPerUnit()) + " WAL flushes per job";
        return "bounded by JobRunr's per-job commits (fetch, PROCESSING and SUCCEEDED each a transaction)" + perJob
                + "; enqueue " + Fmt.num(j.enqueueRate()) + "/s" + (j.usage() == null ? "" : "; " + cpu(j.usage()));
    }

    /** Where the time from 202 to stored row goes at a low rate. */
    static String pickUp(EndToEndResult e) {
        return "bounded by JobRunr's poll interval (" + JobRunrCeiling.POLL_INTERVAL.toSeconds() + " s): 202 to pending "
                + "status p99 " + Fmt.ms(e.toScheduled().p99()) + "; pending to stored p50 "
                + Fmt.ms(e.scheduledToStored().p50()) + ", p99 " + Fmt.ms(e.scheduledToStored().p99());
    }

    /**
     * Whether the subscriber worked as its mode says, from the JobRunr jobs its median sustained run added per stored
     * event: a batched mode with about one job per event means the build does not act on the switch. Empty when it
     * did, or when there is nothing to tell from.
     */
    static String modeCheck(ModeResult m) {
        EndToEndResult s = m.medianSustained();
        double jobs = s == null || s.work() == null ? Double.NaN : s.work().jobsPerUnit();
        if (!ProcessingMode.BATCHED.value().equals(m.mode()) || Double.isNaN(jobs) || jobs < ONE_JOB_PER_EVENT) {
            return "";
        }
        return "**In batched mode the subscriber still ran " + Fmt.dec(jobs) + " JobRunr jobs per stored event**: this "
                + "build does not act on " + ProcessingMode.VARIABLE + "=batched, so the batched rows measure per-event "
                + "processing under the batch endpoint's load.";
    }

    /** CPU as the bound, and how much of it other processes on the machine took. */
    private static String cpuVerdict(Usage usage) {
        double outside = outside(usage);
        return "bounded by CPU" + (outside >= 2 * OUTSIDE ? " (" + Fmt.cpu(outside) + " of it taken by processes outside "
                + "the platform and the harness)" : "");
    }

    /** What limited storing when the platform had more work than it could do. */
    private static String storing(Usage usage, DbWork work, JobsResult ceiling) {
        if (cpuBound(usage)) {
            return cpuVerdict(usage);
        }
        if (work == null) {
            return "storing (the database's counters were not read)";
        }
        String flushes = Fmt.dec(work.commitsPerUnit()) + " commits and " + Fmt.dec(work.walSyncsPerUnit())
                + " WAL flushes per event";
        DbWork noopWork = ceiling == null ? null : ceiling.work();
        String noop = noopWork == null ? "" : " (a no-op job: " + Fmt.dec(noopWork.commitsPerUnit()) + " and "
                + Fmt.dec(noopWork.walSyncsPerUnit()) + ")";
        double jobs = work.jobsPerUnit();
        if (Double.isNaN(jobs)) {
            return "bounded by the commits, CPU not full: " + flushes + noop;
        }
        if (jobs >= ONE_JOB_PER_EVENT) {
            return "bounded by JobRunr's per-job commit: " + Fmt.dec(jobs) + " jobs per event, " + flushes + noop;
        }
        String perJob = "one job per " + Fmt.num(1 / jobs) + " events, so JobRunr's per-job cost no longer limits it";
        if (usage.machineCpu() >= NEARLY_FULL * Runtime.getRuntime().availableProcessors()) {
            return "bounded by CPU, nearly (machine " + Fmt.cpu(usage.machineCpu()) + " busy): " + perJob + "; " + flushes;
        }
        return "not by CPU and not by JobRunr's per-job cost (" + perJob + "): by the batches' own round trips and "
                + "commits, as far as these figures tell; " + flushes + noop;
    }
}
