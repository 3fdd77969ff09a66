package io.eventflow.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReliabilityReportTest {

    @TempDir
    Path dir;

    @Test
    void rewritesOnlyTheGeneratedSectionAndKeepsTheHandWrittenText() throws Exception {
        Path file = dir.resolve("RELIABILITY.md");
        Files.writeString(file, "# Reliability\n\nintro\n\n" + ReliabilityReport.START + "\nold table\n"
                + ReliabilityReport.END + "\n\n## Guarantees\n\nhand-written\n");

        ReliabilityReport.write(file, "new table\n");

        assertThat(Files.readString(file)).isEqualTo("# Reliability\n\nintro\n\n" + ReliabilityReport.START
                + "\nnew table\n" + ReliabilityReport.END + "\n\n## Guarantees\n\nhand-written\n");
    }

    @Test
    void tableShowsEachScenarioWithItsCountsSettleTimeAndVerdict() {
        Scenario scenario = Scenarios.named("kill-broker");
        ScenarioResult clean = new ScenarioResult(scenario,
                new EventAudit.Counts(10_000, 0, 0, 0, 0, 0, List.of()), Duration.ofMillis(12_340), 0, List.of(), List.of());
        ScenarioResult lossy = new ScenarioResult(scenario,
                new EventAudit.Counts(9_000, 3, 1, 2, 0, 1, List.of()), null, 0, List.of(), List.of());

        String table = ReliabilityReport.table(List.of(clean, lossy));

        assertThat(table)
                .contains("| kill-broker | kill -9 of the broker, restarted after 10 s | 10,000 | 0 | 0 | 0 | 0 | 12.3 s"
                        + " | PASS |")
                .contains("| kill-broker | kill -9 of the broker, restarted after 10 s | 9,000 | 3 | 1 | 2 | 0 | not settled"
                        + " | FAIL |");
    }
}
