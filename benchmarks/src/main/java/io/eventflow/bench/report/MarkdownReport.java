package io.eventflow.bench.report;

import java.util.ArrayList;
import java.util.List;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.ceiling.KafkaCeiling;
import io.eventflow.bench.load.EventBodies;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.platform.MachineInfo;
import io.eventflow.testing.ProcessingMode;


/** BENCHMARKS.md: machine, summary, then each measurement in detail, memory, CPU by phase and the method. */
public final class MarkdownReport {

    /** The section headings every report has, in order. */
    public static final List<String> SECTIONS = List.of("## Machine", "## Summary", "## Ingestion", "## Batch ingestion",
            "## End to end", "## Database work per stored event", "## Ceilings", "## Memory", "## CPU by phase", "## Method");

    private final Report r;
    private final List<String> out = new ArrayList<>();

    MarkdownReport(Report report) {
        this.r = report;
    }

    String render() {
        out.add("# Eventflow benchmarks\n");
        out.add("Written by `./eventflow bench` (" + r.scale() + " run) on " + r.machine().date() + ", against "
                + r.platform() + ". Every figure below comes from that run.");
        if ("smoke".equals(r.scale())) {
            out.add("\n**Smoke run: a few seconds of load to prove the harness works; the figures mean nothing.**");
        }
        machine();
        out.add("\n## Summary\n");
        out.add(r.summaryTable());
        DetailSections details = new DetailSections(r, out);
        details.ingestion();
        details.batch();
        details.endToEnd();
        new DatabaseSection(r, out).render();
        details.ceilings();
        details.memory();
        details.cpu();
        method();
        failures();
        return String.join("\n", out) + "\n";
    }

    private void machine() {
        MachineInfo m = r.machine();
        out.add("\n## Machine\n");
        out.add("| cores (nproc) | memory | CPU | JDK | OS | load average (1 min) before / after |");
        out.add("|---|---|---|---|---|---|");
        out.add("| " + m.cores() + " | " + String.format("%,d MiB", m.memoryMb()) + " | " + m.cpuModel() + " | " + m.jdk()
                + " | " + m.os() + " | " + r.loadBefore() + " / " + r.loadAfter() + " |");
        r.notes().forEach(n -> out.add("\n" + n));
        r.modes().stream().map(Bounds::modeCheck).filter(n -> !n.isEmpty()).forEach(n -> out.add("\n" + n));
    }

    private void method() {
        out.add("\n## Method\n");
        out.add("""
                - Load: the JDK's HTTP/1.1 client in the harness's own JVM on the same machine. Fixed rates are an \
                open model: request n is due at start + n/rate whatever the server does, at most %d are outstanding \
                (the rest wait, and the wait counts), and latency runs from the due time, so a stall shows in the \
                percentiles (no coordinated omission). Saturation is a closed model: N clients, each sending when its \
                last answer came; its latency is service time. Rates above what saturation reached are skipped.
                - Events: `user_analytics` with a run id and a sequence number in `metadata`, over %d user ids (Kafka keys).
                - End to end, once per processing mode of the subscriber (`%s`), each mode on a platform of its own \
                started for it: a warm-up (the sustained load for 30 s in a full run, awaited, not measured), the fixed \
                rate (single events), then rounds of a sustained window and a drain; the headline figures are the \
                median of the rounds, ratios are taken between medians, and the range shows beside them. Sustained: \
                closed-model load on the endpoint named in its row - batches in both modes, so that neither the load \
                generator nor the publisher's per-request work is what bounds it - held by the harness at most 15 s of \
                storing at the highest rate stored so far (and at least a floor of events) ahead of the stored rows, \
                three JobRunr poll intervals; its rate counts the rows stored inside the load window, its first fifth \
                left out. If the senders never had to wait for the \
                backlog to shrink, the platform stored all it was sent and the figure is bounded by the load. Drain: \
                the subscriber paused while a backlog of about thirty seconds of the sustained rate goes in through the \
                batch endpoint, then resumed. The 202's arrival (harness clock) is timed against \
                `event_processing_status.created_at` (consumer scheduled the job) and `user_analytics_events.processed_at` \
                (row stored); same machine, same clock; other rates are read from those timestamps between the 10th \
                and the 90th percentile.
                - Database work: PostgreSQL's counters before and after each sustained run, drain and ceiling run (see \
                that section); `pg_stat_statements` counts only when the server preloads it, so the harness restarts the \
                PostgreSQL it started once, before measuring, with the library added to `shared_preload_libraries`.
                - Ceilings, same run, same machine: a Helidon MP 4.1.2 JAX-RS endpoint that only answers 202 (own JVM, \
                the services' flags and heap); Kafka's `ProducerPerformance` (kafka-tools 4.1.1, own JVM) against the \
                platform's broker, %d-byte records, acks=all, default batching; a JobRunr 8.2.4 server wired like the \
                subscriber's (Jackson, Hikari pool of 20, the subscriber's worker count in the mode measured, %d s \
                poll interval) running no-op jobs on the platform's PostgreSQL in tables of its own \
                (`bench_jobrunr_*`); its bulk-enqueue run follows each end-to-end round on each mode's platform, with \
                that subscriber paused, and each mode's ratios are taken against its own platform's runs.
                - The subscriber is paused (SIGSTOP) after the end-to-end phases and resumed (SIGCONT) at the end, so the \
                backlog the ingestion phases leave in Kafka does not compete for the CPU with later phases.
                - Memory: resident memory from /proc/<pid>/status (VmRSS) of each process with its descendants; \
                `postgres` is the devkit JVM, `postgres-server` the postmaster and its backends, whose shared pages \
                (RssFile: the same binary; RssShmem: the shared buffers) are counted once, not once per backend. \
                CPU: /proc/<pid>/stat, 100%% = one core.
                """.formatted(LoadGenerator.MAX_IN_FLIGHT, EventBodies.USERS, ProcessingMode.VARIABLE, KafkaCeiling.RECORD_SIZE,
                JobRunrCeiling.POLL_INTERVAL.toSeconds()));
    }

    private void failures() {
        if (!r.failures().isEmpty()) {
            out.add("\n## Failures\n");
            r.failures().forEach(f -> out.add("- " + f));
        }
    }
}
