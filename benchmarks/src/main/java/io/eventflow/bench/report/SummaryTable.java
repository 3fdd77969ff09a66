package io.eventflow.bench.report;

import java.util.ArrayList;
import java.util.List;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.ceiling.KafkaResult;
import io.eventflow.bench.load.LoadStep;

/** The report's first table: each figure, its ceiling, the ratio, the goal and what bounds it. */
final class SummaryTable {

    private final Report r;
    private final List<String> rows = new ArrayList<>();

    SummaryTable(Report report) {
        this.r = report;
    }

    /** The Markdown table. */
    String render() {
        rows.add("| figure | measured | ceiling | ratio | goal | what bounds it |");
        rows.add("|---|---|---|---|---|---|");
        ingestion();
        batch();
        endToEnd();
        ceilings();
        return String.join("\n", rows) + "\n";
    }

    private void ingestion() {
        if (r.publisher() == null || r.noop() == null) {
            row("single-event ingestion (events/s)", "not measured", "-", "-", "-",
                    "failed or not run: see the failures and notes");
            return;
        }
        LoadStep pub = r.publisher().saturation();
        LoadStep noop = r.noop().saturation();
        row("single-event ingestion, saturation (events/s)", Fmt.num(pub.result().throughput()),
                Fmt.num(noop.result().throughput()) + " (Helidon no-op)",
                Fmt.ratio(pub.result().throughput(), noop.result().throughput()), ">= 50% and >= 5,000/s",
                Bounds.cpu(pub.usage()) + "; CPU per request " + Fmt.num(pub.cpuMicrosPerRequest()) + " us vs "
                        + Fmt.num(noop.cpuMicrosPerRequest()) + " us no-op");
        for (LoadStep step : r.publisher().rates()) {
            int rate = (int) Math.round(step.result().offeredRate());
            r.noop().atRate(rate).ifPresent(n -> row("ingestion p99 at " + rate + "/s offered",
                    Fmt.ms(step.result().latency().p99()), Fmt.ms(n.result().latency().p99()) + " (no-op)",
                    Fmt.ratio(step.result().latency().p99(), n.result().latency().p99()), "-",
                    "p50 " + Fmt.ms(step.result().latency().p50()) + ", " + Bounds.cpu(step.usage())));
        }
    }

    private void batch() {
        KafkaResult lz4 = r.kafka("lz4");
        double ceiling = lz4 == null ? Double.NaN : lz4.recordsPerSecond();
        if (r.batch() == null || !r.batch().measured()) {
            row("batch ingestion (events/s)", "not measured", Fmt.num(ceiling) + " (ProducerPerformance lz4)", "-",
                    ">= 50%", r.batch() == null ? "failed or not run: see the failures and notes" : r.batch().note());
            return;
        }
        row("batch ingestion (events/s, " + r.batch().batchSize() + " per request)", Fmt.num(r.batch().eventsPerSecond()),
                Fmt.num(ceiling) + " (ProducerPerformance lz4)", Fmt.ratio(r.batch().eventsPerSecond(), ceiling),
                ">= 50%", Bounds.cpu(r.batch().step().usage()));
    }

    private void endToEnd() {
        JobsResult bulk = r.job("bulk");
        double ceiling = bulk == null ? Double.NaN : bulk.processRate();
        EndToEndResult burst = r.endToEndBurst();
        if (burst != null) {
            row("end to end, sustained (events/s stored)", Fmt.num(burst.storeRate()),
                    Fmt.num(ceiling) + " (JobRunr no-op jobs/s)", Fmt.ratio(burst.storeRate(), ceiling), ">= 70%",
                    Bounds.endToEnd(burst, r.job("sequential")));
        }
        EndToEndResult drain = r.drain();
        if (drain != null) {
            row("subscriber alone: drain of a backlog (events/s stored)", Fmt.num(drain.storeRate()),
                    Fmt.num(ceiling) + " (JobRunr no-op jobs/s)", Fmt.ratio(drain.storeRate(), ceiling), "-",
                    Bounds.drain(drain));
        }
        EndToEndResult fixed = r.endToEndFixed();
        JobsResult paced = r.job("paced");
        if (fixed != null) {
            double noopP99 = paced == null ? Double.NaN : paced.latency().p99();
            row("accepted-to-stored p99 at " + Fmt.num(fixed.load().offeredRate()) + " events/s",
                    Fmt.ms(fixed.acceptedToStored().p99()), Fmt.ms(noopP99) + " (JobRunr no-op, same rate)",
                    Fmt.ratio(fixed.acceptedToStored().p99(), noopP99),
                    "<= " + Fmt.ms(JobRunrCeiling.POLL_INTERVAL.toMillis() + 1000.0), Bounds.pickUp(fixed));
        }
    }

    private void ceilings() {
        for (KafkaResult k : r.kafka()) {
            row("ceiling: ProducerPerformance " + k.compression() + " (records/s, 300 B, acks=all)",
                    Fmt.num(k.recordsPerSecond()), "-", "-", "-", "p99 " + Fmt.ms(k.p99Ms()) + ", " + k.mbPerSecond() + " MB/s");
        }
        for (JobsResult j : r.jobs()) {
            row("ceiling: JobRunr no-op, " + j.label() + " (jobs/s)", Fmt.num(j.processRate()), "-", "-", "-",
                    "enqueue " + Fmt.num(j.enqueueRate()) + "/s; created-to-succeeded p50 " + Fmt.ms(j.latency().p50())
                            + ", p99 " + Fmt.ms(j.latency().p99()));
        }
    }

    private void row(String... cells) {
        rows.add("| " + String.join(" | ", cells) + " |");
    }
}
