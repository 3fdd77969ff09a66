package io.eventflow.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.load.LoadStep;
import io.eventflow.bench.platform.Usage;

/** The report's detailed sections, one table each. */
final class DetailSections {

    private final Report r;
    private final List<String> out;

    DetailSections(Report report, List<String> out) {
        this.r = report;
        this.out = out;
    }

    void ingestion() {
        out.add("\n## Ingestion: single-event POST\n");
        out.add("| endpoint | step | offered/s | achieved/s | ok | failed | latency p50 / p99 / p99.9 / max"
                + " | machine CPU | CPU per request |");
        out.add("|---|---|---|---|---|---|---|---|---|");
        for (IngestionResult result : new IngestionResult[] {r.noop(), r.publisher()}) {
            if (result == null) {
                continue;
            }
            step(result.target(), "saturation, " + result.saturation().result().concurrency() + " clients", result.saturation());
            result.rates().forEach(s -> step(result.target(), "open model", s));
            if (!result.skipped().isEmpty()) {
                out.add("| " + result.target() + " | skipped: above saturation | " + result.skipped() + " | | | | | | |");
            }
        }
    }

    private void step(String target, String kind, LoadStep s) {
        LoadResult l = s.result();
        out.add("| " + target + " | " + kind + " | " + (l.openModel() ? Fmt.num(l.offeredRate()) : "-") + " | "
                + Fmt.num(l.throughput()) + " | " + l.ok() + " | " + l.failed() + failures(l) + " | "
                + Fmt.percentiles(l.latency()) + " | " + Fmt.cpu(s.usage().machineCpu()) + " | "
                + Fmt.num(s.cpuMicrosPerRequest()) + " us |");
    }

    private static String failures(LoadResult l) {
        Map<String, Long> bad = new TreeMap<>(l.outcomes());
        bad.keySet().removeIf(k -> k.startsWith("2"));
        return bad.isEmpty() ? "" : " " + bad;
    }

    void batch() {
        out.add("\n## Batch ingestion\n");
        BatchResult b = r.batch();
        if (b == null || !b.measured()) {
            out.add("Not measured: " + (b == null ? "the phase failed or was not run (see the failures and notes)." : b.note()));
            return;
        }
        out.add("| path | events per request | requests/s | events/s | latency p50 / p99 / p99.9 / max | machine CPU |");
        out.add("|---|---|---|---|---|---|");
        LoadResult l = b.step().result();
        out.add("| " + b.path() + " | " + b.batchSize() + " | " + Fmt.num(l.throughput()) + " | "
                + Fmt.num(b.eventsPerSecond()) + " | " + Fmt.percentiles(l.latency()) + " | "
                + Fmt.cpu(b.step().usage().machineCpu()) + " |");
    }

    void endToEnd() {
        out.add("\n## End to end\n");
        out.add("Stored/s is read from the rows' timestamps: for a sustained run, those stored inside its load window "
                + "(its first fifth left out); for the others, between the 10th and the 90th percentile.\n");
        out.add("| run | load | accepted | stored | accepted/s | scheduled/s | stored/s | overall/s | "
                + "202 to stored p50 / p99 / p99.9 / max | due to stored | 202 to pending | pending to stored |");
        out.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (ModeResult m : r.modes()) {
            List<EndToEndResult> runs = new ArrayList<>();
            if (m.fixed() != null) {
                runs.add(m.fixed());
            }
            runs.addAll(m.sustained());
            runs.addAll(m.drains());
            for (EndToEndResult e : runs) {
                out.add("| " + e.label() + " | " + Fmt.cell(e.endpoint()) + " | " + e.load().ok() + " | " + e.stored()
                        + " | " + Fmt.num(e.load().throughput()) + " | " + Fmt.num(e.scheduleRate()) + " | "
                        + Fmt.num(e.storeRate()) + " | " + Fmt.num(e.overallRate()) + " | "
                        + Fmt.percentiles(e.acceptedToStored()) + " | " + Fmt.percentiles(e.postToStored()) + " | "
                        + Fmt.percentiles(e.toScheduled()) + " | " + Fmt.percentiles(e.scheduledToStored()) + " |");
            }
        }
    }

    void ceilings() {
        out.add("\n## Ceilings\n");
        out.add("| ceiling | throughput | latency | note |");
        out.add("|---|---|---|---|");
        if (r.noop() != null) {
            LoadStep s = r.noop().saturation();
            out.add("| Helidon MP no-op endpoint, saturation | " + Fmt.num(s.result().throughput()) + " requests/s | "
                    + Fmt.percentiles(s.result().latency()) + " | " + Bounds.cpu(s.usage()) + " |");
        }
        r.kafka().forEach(k -> out.add("| ProducerPerformance " + k.compression() + ", " + k.records() + " records | "
                + Fmt.num(k.recordsPerSecond()) + " records/s (" + k.mbPerSecond() + " MB/s) | avg " + Fmt.ms(k.avgMs())
                + ", p50 " + Fmt.ms(k.p50Ms()) + ", p99 " + Fmt.ms(k.p99Ms()) + ", p99.9 " + Fmt.ms(k.p999Ms())
                + " | acks=all |"));
        List<JobsResult> jobs = new ArrayList<>(r.ceilingRuns());
        jobs.addAll(r.jobs());
        jobs.forEach(j -> out.add("| JobRunr no-op, " + j.label() + ", " + j.jobs() + " jobs | " + Fmt.num(j.processRate())
                + " jobs/s processed, " + Fmt.num(j.enqueueRate()) + " jobs/s enqueued | created to succeeded "
                + Fmt.percentiles(j.latency()) + " | - |"));
    }

    void memory() {
        out.add("\n## Memory\n");
        out.add("| process | idle RSS | peak RSS during the run | phase of the peak |");
        out.add("|---|---|---|---|");
        r.idleRssKb().forEach((name, idle) -> {
            Usage peak = r.phases().stream().filter(u -> u.peakRssKb().containsKey(name))
                    .max((a, b) -> Long.compare(a.peakRssKb().get(name), b.peakRssKb().get(name))).orElse(null);
            out.add("| " + name + " | " + Fmt.mib(idle) + " | " + (peak == null ? "-" : Fmt.mib(peak.peakRssKb().get(name)))
                    + " | " + (peak == null ? "-" : peak.phase()) + " |");
        });
    }

    private static String threads(Usage u) {
        return String.join("; ", u.busiestThreads().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    void cpu() {
        out.add("\n## CPU by phase\n");
        out.add("| phase | seconds | machine CPU | by process | busiest threads |");
        out.add("|---|---|---|---|---|");
        r.phases().forEach(u -> out.add("| " + u.phase() + " | " + Fmt.num(u.seconds()) + " | " + Fmt.cpu(u.machineCpu())
                + " | " + u.cpuBreakdown() + " | " + threads(u) + " |"));
    }
}
