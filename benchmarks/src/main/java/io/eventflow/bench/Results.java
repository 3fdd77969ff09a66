package io.eventflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.ceiling.KafkaResult;
import io.eventflow.bench.platform.MachineInfo;
import io.eventflow.bench.platform.Usage;
import io.eventflow.bench.report.BatchResult;
import io.eventflow.bench.report.IngestionResult;
import io.eventflow.bench.report.ModeResult;
import io.eventflow.bench.report.Report;

/** What the platforms of one run measured, gathered phase by phase until the {@link Report} is made of it. */
final class Results {

    final List<ModeResult> modes = new ArrayList<>();
    final List<JobsResult> ceilingRuns = new ArrayList<>();
    final List<KafkaResult> kafka = new ArrayList<>();
    final List<JobsResult> jobs = new ArrayList<>();
    final List<Usage> phases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    Map<String, Long> idleRssKb = Map.of();
    IngestionResult noop;
    IngestionResult publisher;
    BatchResult batch;

    /** Adds a note for the report, once. */
    void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    /** Records why a phase has no figures. */
    void failed(String failure) {
        failures.add(failure);
    }

    /** The report of everything gathered. */
    Report report(String scale, MachineInfo machine, String loadBefore, String loadAfter, String platform) {
        return new Report(scale, machine, loadBefore, loadAfter, platform, idleRssKb, noop, publisher, batch,
                List.copyOf(modes), List.copyOf(ceilingRuns), List.copyOf(kafka), List.copyOf(jobs), List.copyOf(phases),
                List.copyOf(notes), List.copyOf(failures));
    }
}
