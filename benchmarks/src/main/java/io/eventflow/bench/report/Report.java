package io.eventflow.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.ceiling.KafkaResult;
import io.eventflow.bench.platform.MachineInfo;
import io.eventflow.bench.platform.Usage;

/**
 * Everything one run measured; a part is null (or a list empty) when its phase failed (the reason is in
 * {@code failures}). {@code scale} is {@code full} or {@code smoke}; {@code modes} holds the end-to-end figures of
 * each processing mode; {@code ceilingRuns} each run of the JobRunr no-op ceiling (bulk enqueue) the ratios are
 * taken against; {@code jobs} JobRunr's other steps. {@link MarkdownReport} turns it into BENCHMARKS.md.
 */
public record Report(String scale, MachineInfo machine, String loadBefore, String loadAfter, String platform,
                     Map<String, Long> idleRssKb, IngestionResult noop, IngestionResult publisher, BatchResult batch,
                     List<ModeResult> modes, List<JobsResult> ceilingRuns, List<KafkaResult> kafka,
                     List<JobsResult> jobs, List<Usage> phases, List<String> notes, List<String> failures) {

    /** The report as Markdown. */
    String markdown() {
        return new MarkdownReport(this).render();
    }

    /** The summary table alone, for the console. */
    public String summaryTable() {
        return new SummaryTable(this).render();
    }

    /** Writes the Markdown report to {@code file}. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, markdown());
    }

    /** The JobRunr no-op ceiling (jobs/s, bulk enqueue) over its runs. */
    public Spread ceiling() {
        return Spread.of(ceilingRuns, JobsResult::processRate);
    }

    /** The ceiling run with the median rate, or null. */
    JobsResult medianCeiling() {
        return Spread.medianRun(ceilingRuns, JobsResult::processRate);
    }

    /** The JobRunr result with this label prefix, or null. */
    JobsResult job(String labelPrefix) {
        return jobs.stream().filter(j -> j.label().startsWith(labelPrefix)).findFirst().orElse(null);
    }

    /** The Kafka result for this codec, or null. */
    KafkaResult kafka(String compression) {
        return kafka.stream().filter(k -> k.compression().equals(compression)).findFirst().orElse(null);
    }
}
