package io.eventflow.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.ceiling.KafkaResult;
import io.eventflow.bench.load.LoadStep;
import io.eventflow.testing.ProcessingMode;

/**
 * The report's first table: each figure, its ceiling, the ratio, the goal, what PostgreSQL did per stored
 * event beside what it did per no-op job, and what bounds the figure. Figures measured in several runs show their
 * median and range, and ratios are taken between medians.
 */
final class SummaryTable {

    /** The per-event column's heading. */
    static final String WORK = "per stored event: commits / statements / WAL flushes (per no-op job)";
    private final Report r;
    private final List<String> rows = new ArrayList<>();

    SummaryTable(Report report) {
        this.r = report;
    }

    /** The Markdown table. */
    String render() {
        rows.add("| figure | measured | ceiling | ratio | goal | " + WORK + " | what bounds it |");
        rows.add("|---|---|---|---|---|---|---|");
        ingestion();
        batch();
        r.modes().forEach(this::endToEnd);
        ceilings();
        return String.join("\n", rows) + "\n";
    }

    private void ingestion() {
        if (r.publisher() == null || r.noop() == null) {
            row("single-event ingestion (events/s)", "not measured", "-", "-", "-", "-",
                    "failed or not run: see the failures and notes");
            return;
        }
        LoadStep pub = r.publisher().saturation();
        LoadStep noop = r.noop().saturation();
        row("single-event ingestion, saturation (events/s)", Fmt.num(pub.result().throughput()),
                Fmt.num(noop.result().throughput()) + " (Helidon no-op)",
                Fmt.ratio(pub.result().throughput(), noop.result().throughput()), ">= 50% and >= 5,000/s", "-",
                Bounds.cpu(pub.usage()) + "; CPU per request " + Fmt.num(pub.cpuMicrosPerRequest()) + " us vs "
                        + Fmt.num(noop.cpuMicrosPerRequest()) + " us no-op");
        for (LoadStep step : r.publisher().rates()) {
            int rate = (int) Math.round(step.result().offeredRate());
            r.noop().atRate(rate).ifPresent(n -> row("ingestion p99 at " + rate + "/s offered",
                    Fmt.ms(step.result().latency().p99()), Fmt.ms(n.result().latency().p99()) + " (no-op)",
                    Fmt.ratio(step.result().latency().p99(), n.result().latency().p99()), "-", "-",
                    "p50 " + Fmt.ms(step.result().latency().p50()) + ", " + Bounds.cpu(step.usage())));
        }
    }

    private void batch() {
        KafkaResult lz4 = r.kafka("lz4");
        double ceiling = lz4 == null ? Double.NaN : lz4.recordsPerSecond();
        if (r.batch() == null || !r.batch().measured()) {
            row("batch ingestion (events/s)", "not measured", Fmt.num(ceiling) + " (ProducerPerformance lz4)", "-",
                    ">= 50%", "-", r.batch() == null ? "failed or not run: see the failures and notes" : r.batch().note());
            return;
        }
        row("batch ingestion (events/s, " + r.batch().batchSize() + " per request)", Fmt.num(r.batch().eventsPerSecond()),
                Fmt.num(ceiling) + " (ProducerPerformance lz4)", Fmt.ratio(r.batch().eventsPerSecond(), ceiling),
                ">= 50%", "-", Bounds.cpu(r.batch().step().usage()));
    }

    private void endToEnd(ModeResult m) {
        Spread ceiling = m.ceiling();
        JobsResult noop = m.medianCeiling();
        String ceilingCell = "JobRunr no-op jobs/s, " + m.jobWorkers() + " workers: " + Fmt.spread(ceiling);
        String noopWork = noop == null ? "" : " (" + Fmt.work(noop.work()) + ")";
        EndToEndResult sustained = m.medianSustained();
        if (sustained == null) {
            row("end to end, sustained, " + m.mode() + " mode (events/s stored)", "not measured", ceilingCell, "-",
                    goal(m.mode(), "sustained"), "-", "failed or not run: see the failures and notes");
        } else {
            row("end to end, sustained, " + m.mode() + " mode (events/s stored; " + sustained.endpoint() + ")",
                    Fmt.spread(m.sustainedRate()), ceilingCell, Fmt.ratio(m.sustainedRate().median(), ceiling.median()),
                    goal(m.mode(), "sustained"), Fmt.work(sustained.work()) + noopWork, Bounds.sustained(sustained, noop));
        }
        EndToEndResult drain = m.medianDrain();
        if (drain != null) {
            row("subscriber alone, " + m.mode() + " mode: drain of a backlog (events/s stored)",
                    Fmt.spread(m.drainRate()), ceilingCell, Fmt.ratio(m.drainRate().median(), ceiling.median()),
                    goal(m.mode(), "drain"), Fmt.work(drain.work()) + noopWork, Bounds.drain(drain, noop));
        }
        EndToEndResult fixed = m.fixed();
        JobsResult paced = r.job("paced");
        if (fixed != null) {
            double noopP99 = paced == null ? Double.NaN : paced.latency().p99();
            row("accepted-to-stored p99 at " + Fmt.num(fixed.load().offeredRate()) + " events/s, " + m.mode() + " mode",
                    Fmt.ms(fixed.acceptedToStored().p99()), Fmt.ms(noopP99) + " (JobRunr no-op, same rate)",
                    Fmt.ratio(fixed.acceptedToStored().p99(), noopP99),
                    "<= " + Fmt.ms(JobRunrCeiling.POLL_INTERVAL.toMillis() + 1000.0), "-", Bounds.pickUp(fixed));
        }
    }

    private void noopRow(String which, JobsResult noop, Spread ceiling) {
        if (noop != null) {
            row("ceiling: JobRunr no-op, " + which + "bulk enqueue of " + Fmt.num(noop.jobs()) + " (jobs/s)",
                    Fmt.spread(ceiling), "-", "-", "-", Fmt.work(noop.work()), Bounds.ceiling(noop)
                            + "; created-to-succeeded p50 " + Fmt.ms(noop.latency().p50()) + ", p99 "
                            + Fmt.ms(noop.latency().p99()));
        }
    }

    /** The goal for a figure of a mode. */
    static String goal(String mode, String figure) {
        boolean perEvent = ProcessingMode.PER_EVENT.value().equals(mode);
        boolean batched = ProcessingMode.BATCHED.value().equals(mode);
        return switch (figure) {
            case "sustained" -> perEvent ? ">= 70%; <= 1.5 commits per event" : batched ? ">= 2,000/s and >= 300%" : "-";
            case "drain" -> perEvent ? ">= 90%" : "-";
            default -> "-";
        };
    }

    private void ceilings() {
        for (KafkaResult k : r.kafka()) {
            row("ceiling: ProducerPerformance " + k.compression() + " (records/s, 300 B, acks=all)",
                    Fmt.num(k.recordsPerSecond()), "-", "-", "-", "-",
                    "p99 " + Fmt.ms(k.p99Ms()) + ", " + k.mbPerSecond() + " MB/s");
        }
        boolean perMode = r.modes().stream().anyMatch(m -> !m.ceilingRuns().isEmpty());
        for (ModeResult m : r.modes()) {
            noopRow(m.mode() + " mode's " + m.jobWorkers() + " workers, ", m.medianCeiling(), m.ceiling());
        }
        if (!perMode) {
            noopRow("", r.medianCeiling(), r.ceiling());
        }
        for (JobsResult j : r.jobs()) {
            row("ceiling: JobRunr no-op, " + j.label() + " (jobs/s)", Fmt.num(j.processRate()), "-", "-", "-", "-",
                    "enqueue " + Fmt.num(j.enqueueRate()) + "/s; created-to-succeeded p50 " + Fmt.ms(j.latency().p50())
                            + ", p99 " + Fmt.ms(j.latency().p99()));
        }
    }

    private void row(String... cells) {
        rows.add("| " + String.join(" | ", Arrays.stream(cells).map(Fmt::cell).toList()) + " |");
    }
}
