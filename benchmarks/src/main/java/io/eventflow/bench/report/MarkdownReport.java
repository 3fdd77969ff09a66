package io.eventflow.bench.report;

import java.util.ArrayList;
import java.util.List;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.ceiling.KafkaCeiling;
import io.eventflow.bench.load.EventBodies;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.platform.MachineInfo;


/** BENCHMARKS.md: machine, summary, then each measurement in detail, memory, CPU by phase and the method. */
public final class MarkdownReport {

    /** The section headings every report has, in order. */
    public static final List<String> SECTIONS = List.of("## Machine", "## Summary", "## Ingestion", "## Batch ingestion",
            "## End to end", "## Ceilings", "## Memory", "## CPU by phase", "## Method");

    private final Report r;
    private final List<String> out = new ArrayList<>();

    MarkdownReport(Report report) {
        this.r = report;
    }

    String render() {
        out.add("# Eventflow benchmarks\n");
        out.add("Written by `./eventflow bench` (" + r.mode() + " run) on " + r.machine().date() + ", against "
                + r.platform() + ". Every figure below comes from that run.");
        if ("smoke".equals(r.mode())) {
            out.add("\n**Smoke run: a few seconds of load to prove the harness works; the figures mean nothing.**");
        }
        machine();
        out.add("\n## Summary\n");
        out.add(r.summaryTable());
        DetailSections details = new DetailSections(r, out);
        details.ingestion();
        details.batch();
        details.endToEnd();
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
                - End to end: first a warm-up (four times the fixed rate for the warm-up time, awaited, not measured), \
                then the burst, the fixed rate and the subscriber alone (paused while a backlog goes in through the \
                batch endpoint, then resumed). The 202's arrival (harness clock) is timed against \
                `event_processing_status.created_at` (consumer \
                scheduled the job) and `user_analytics_events.processed_at` (row stored); same machine, same clock. \
                Rates are read from those timestamps between the 10th and the 90th percentile.
                - Ceilings, same run, same machine: a Helidon MP 4.1.2 JAX-RS endpoint that only answers 202 (own JVM, \
                the services' flags and heap); Kafka's `ProducerPerformance` (kafka-tools 4.1.1, own JVM) against the \
                platform's broker, %d-byte records, acks=all, default batching; a JobRunr 8.2.4 server wired like the \
                subscriber's (Jackson, Hikari pool of 20, %d workers, %d s poll interval) running no-op jobs on the \
                platform's PostgreSQL in tables of its own (`bench_jobrunr_*`).
                - The subscriber is paused (SIGSTOP) after the end-to-end phases and resumed (SIGCONT) at the end, so the \
                backlog the ingestion phases leave in Kafka does not compete for the CPU with later phases.
                - Memory: resident memory from /proc/<pid>/status (VmRSS) of each process with its descendants; \
                `postgres` is the devkit JVM, `postgres-server` the postmaster and its backends, whose shared pages \
                (RssFile: the same binary; RssShmem: the shared buffers) are counted once, not once per backend. \
                CPU: /proc/<pid>/stat, 100%% = one core.
                """.formatted(LoadGenerator.MAX_IN_FLIGHT, EventBodies.USERS, KafkaCeiling.RECORD_SIZE,
                JobRunrCeiling.WORKERS, JobRunrCeiling.POLL_INTERVAL.toSeconds()));
    }

    private void failures() {
        if (!r.failures().isEmpty()) {
            out.add("\n## Failures\n");
            r.failures().forEach(f -> out.add("- " + f));
        }
    }
}
