package io.eventflow.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.eventflow.testing.ProcessingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReliabilityReportTest {

    private static final EventAudit.Counts CLEAN = new EventAudit.Counts(10_000, 0, 0, 0, 0, 0, List.of());

    @TempDir
    Path dir;

    @Test
    void rewritesOnlyTheGeneratedSectionOfTheRunsModeAndKeepsTheOtherModeAndTheHandWrittenText() throws Exception {
        Path file = dir.resolve("RELIABILITY.md");
        String perEvent = ReliabilityReport.start(ProcessingMode.PER_EVENT) + "\nper-event table\n"
                + ReliabilityReport.end(ProcessingMode.PER_EVENT);
        String batched = ReliabilityReport.start(ProcessingMode.BATCHED) + "\nno run yet\n"
                + ReliabilityReport.end(ProcessingMode.BATCHED);
        Files.writeString(file, "# Reliability\n\nintro\n\n" + perEvent + "\n\n### Batched\n\n" + batched
                + "\n\n## Guarantees\n\nhand-written\n");

        ReliabilityReport.write(file, ProcessingMode.BATCHED, "batched table\n");

        assertThat(Files.readString(file)).isEqualTo("# Reliability\n\nintro\n\n" + perEvent + "\n\n### Batched\n\n"
                + "<!-- chaos:results:batched:start -->\nbatched table\n<!-- chaos:results:batched:end -->"
                + "\n\n## Guarantees\n\nhand-written\n");

        ReliabilityReport.write(file, ProcessingMode.PER_EVENT, "new per-event table\n");

        assertThat(Files.readString(file)).isEqualTo("# Reliability\n\nintro\n\n"
                + "<!-- chaos:results:per-event:start -->\nnew per-event table\n<!-- chaos:results:per-event:end -->"
                + "\n\n### Batched\n\n"
                + "<!-- chaos:results:batched:start -->\nbatched table\n<!-- chaos:results:batched:end -->"
                + "\n\n## Guarantees\n\nhand-written\n");
    }

    @Test
    void appendsAModesSectionWithItsMarkersWhenTheFileHasNone() throws Exception {
        Path file = dir.resolve("RELIABILITY.md");
        Files.writeString(file, "# Reliability\n\nintro\n");

        ReliabilityReport.write(file, ProcessingMode.BATCHED, "batched table\n");

        assertThat(Files.readString(file)).isEqualTo("# Reliability\n\nintro\n\n"
                + "<!-- chaos:results:batched:start -->\nbatched table\n<!-- chaos:results:batched:end -->\n");
    }

    @Test
    void tableShowsEachScenarioWithItsCountsSettleTimeAndVerdict() {
        Scenario scenario = Scenarios.named("kill-broker");
        ScenarioResult clean = new ScenarioResult(scenario, ProcessingMode.PER_EVENT, CLEAN,
                new EventAudit.Jobs(10_000, 0, 0), Duration.ofMillis(12_340), 0, List.of(), List.of());
        ScenarioResult lossy = new ScenarioResult(scenario, ProcessingMode.PER_EVENT,
                new EventAudit.Counts(9_000, 3, 1, 2, 0, 1, List.of()), new EventAudit.Jobs(8_994, 0, 0), null, 0,
                List.of(), List.of());

        String table = ReliabilityReport.table(List.of(clean, lossy));

        assertThat(table)
                .contains("| kill-broker | kill -9 of the broker, restarted after 10 s | 10,000 | 0 | 0 | 0 | 0 | 12.3 s"
                        + " | PASS |")
                .contains("| kill-broker | kill -9 of the broker, restarted after 10 s | 9,000 | 3 | 1 | 2 | 0 | not settled"
                        + " | FAIL |");
    }

    @Test
    void sectionNamesTheRunsModeInItsHeaderAndWithEachResultTheJobsThatCompletedItsEvents() {
        ChaosOptions options = ChaosOptions.parse(new String[] {"--mode", "batched"});
        ScenarioResult killed = new ScenarioResult(Scenarios.named("kill-subscriber"), ProcessingMode.BATCHED, CLEAN,
                new EventAudit.Jobs(12, 9_988, 41), Duration.ofSeconds(40), 0, List.of("clients: 2,004 requests"),
                List.of());
        ScenarioResult broken = new ScenarioResult(Scenarios.named("rebalance"), ProcessingMode.BATCHED, null, null,
                null, 0, List.of(), List.of("error: the platform did not start"));

        String section = ReliabilityReport.section(options, List.of(killed, broken));

        assertThat(section).startsWith("Latest full run, `--mode batched` (one JobRunr job per slice of a partition's"
                        + " records): ")
                .contains("| kill-subscriber | kill -9 of the subscriber, restarted at once | 10,000 | 0 | 0 | 0 | 0 | 40.0 s"
                        + " | PASS |")
                .contains("- **kill-subscriber** (batched): jobs: 9,988 completed by 41 batch jobs, 12 by jobs of their"
                        + " own; clients: 2,004 requests\n")
                .contains("- **rebalance** (batched): \n  `error: the platform did not start`\n");
    }

    @Test
    void perEventResultsShowEveryEventCompletedByAJobOfItsOwn() {
        ChaosOptions options = ChaosOptions.parse(new String[] {"--short"});
        ScenarioResult killed = new ScenarioResult(Scenarios.named("kill-subscriber"), ProcessingMode.PER_EVENT,
                new EventAudit.Counts(1_500, 0, 0, 0, 0, 0, List.of()), new EventAudit.Jobs(1_500, 0, 0),
                Duration.ofSeconds(44), 0, List.of(), List.of());

        String section = ReliabilityReport.section(options, List.of(killed));

        assertThat(section).startsWith("Latest **short** (`--short`: three scenarios, not the full suite) run,"
                        + " `--mode per-event` (one JobRunr job per event): ")
                .contains("- **kill-subscriber** (per-event): jobs: 1,500 completed by jobs of their own, none by a batch"
                        + " job\n");
    }
}
