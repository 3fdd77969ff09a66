package io.eventflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.eventflow.bench.ceiling.JobRunrCeiling;
import io.eventflow.bench.ceiling.KafkaResult;
import io.eventflow.bench.platform.DbWork;
import io.eventflow.bench.platform.HarnessSql;
import io.eventflow.bench.report.EndToEndResult;
import io.eventflow.bench.report.MarkdownReport;
import io.eventflow.bench.report.ModeResult;
import io.eventflow.bench.report.Report;
import io.eventflow.testing.Devkit;
import io.eventflow.testing.ProcessingMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code ./eventflow bench --smoke} as CI runs it: the harness starts the platform itself on free ports, once per
 * processing mode, runs every phase for a moment and stops everything. Asserts the report is complete, never a speed.
 */
class BenchmarkSmokeIT {

    private static Report report;
    private static Path out;

    @BeforeAll
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    static void runSmokeBenchmark() throws Exception {
        Path root = Devkit.projectRoot();
        // ./eventflow run would build missing jars itself, in the middle of this build: they come first instead
        for (String jar : List.of("devkit/target/devkit.jar", "publisher-mp/target/publisher-mp.jar",
                "subscriber-mp/target/subscriber-mp.jar")) {
            assertThat(root.resolve(jar)).as("%s is not packaged: run mvn package (the whole reactor) first", jar)
                    .isRegularFile();
        }
        out = Path.of("target", "bench-smoke", "BENCHMARKS-smoke.md").toAbsolutePath();
        Files.deleteIfExists(out);
        BenchOptions options = BenchOptions.parse(new String[] {"--smoke", "--root", root.toString(),
                "--out", out.toString()}, Map.of());
        // under failsafe the JVM's own class path is a manifest-only jar: the no-op server gets the test class path
        report = Bench.run(options.withChildClasspath(
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
    }

    @Test
    void everyPhaseRanWithoutFailure() {
        assertThat(report.failures()).isEmpty();
        assertThat(report.noop()).isNotNull();
        assertThat(report.publisher()).isNotNull();
        assertThat(report.batch().measured()).as(report.batch().note()).isTrue();
        assertThat(report.batch().eventsPerSecond()).isPositive();
        assertThat(report.kafka()).extracting(KafkaResult::compression).containsExactly("lz4", "gzip");
        assertThat(report.ceilingRuns()).hasSize(2);
        assertThat(report.jobs()).hasSize(2);
        assertThat(report.modes()).extracting(ModeResult::mode).containsExactly("per-event", "batched");
    }

    @Test
    void measuresEachModesCeilingWithThatModesWorkerCount() {
        for (ModeResult mode : report.modes()) {
            assertThat(mode.jobWorkers()).as(mode.mode())
                    .isEqualTo(JobRunrCeiling.workers(ProcessingMode.named(mode.mode(), "mode"), System.getenv()));
            assertThat(mode.ceilingRuns()).as(mode.mode()).singleElement()
                    .satisfies(run -> assertThat(run.label()).contains(mode.mode() + " mode's " + mode.jobWorkers()
                            + " workers"));
        }
    }

    @Test
    void writesEveryReportSection() throws IOException {
        String markdown = Files.readString(out);

        assertThat(markdown).contains(MarkdownReport.SECTIONS);
        assertThat(markdown).contains("single-event ingestion, saturation", "end to end, sustained, per-event mode",
                "end to end, sustained, batched mode", "accepted-to-stored p99", "ProducerPerformance lz4",
                "ProducerPerformance gzip", "JobRunr no-op", "POST /api/v1/events/batch, 5 events each");
        assertThat(markdown).contains("cores (nproc)", "Smoke run");
    }

    @Test
    void measuresEveryProcessOfThePlatform() {
        assertThat(report.idleRssKb()).containsKeys("kafka", "postgres", "postgres-server", "publisher", "subscriber");
        assertThat(report.idleRssKb().values()).allMatch(kb -> kb > 0);
    }

    @Test
    void everyAcceptedEventReachedTheDatabaseInEveryMode() {
        for (ModeResult mode : report.modes()) {
            assertThat(mode.sustained()).as(mode.mode()).hasSize(1);
            assertThat(mode.drains()).as(mode.mode()).hasSize(1);
            for (EndToEndResult e2e : runs(mode)) {
                assertThat(e2e.load().ok()).as(e2e.label()).isPositive();
                assertThat(e2e.stored()).as(e2e.label()).isEqualTo(e2e.load().ok());
            }
        }
    }

    @Test
    void readsWhatTheDatabaseDidPerStoredEventAndPerNoOpJob() {
        for (ModeResult mode : report.modes()) {
            for (EndToEndResult e2e : List.of(mode.sustained().getFirst(), mode.drains().getFirst())) {
                DbWork work = e2e.work();
                assertThat(work).as(e2e.label()).isNotNull();
                assertThat(work.units()).isEqualTo(e2e.stored());
                assertThat(work.commits()).as(e2e.label()).isPositive();
                assertThat(work.walSyncs()).as(e2e.label()).isPositive();
                // pg_stat_statements was loaded into the devkit's PostgreSQL: statements are counted, the harness's not
                assertThat(work.statements()).as(e2e.label()).isPositive();
                assertThat(work.topStatements().keySet()).noneMatch(sql -> sql.contains(HarnessSql.TAG));
                assertThat(work.jobs()).as(e2e.label()).isPositive();
            }
        }
        DbWork perEvent = report.modes().getFirst().sustained().getFirst().work();
        assertThat(perEvent.jobsPerUnit()).as("one JobRunr job per event in per-event mode").isCloseTo(1.0, within(0.2));
        DbWork noop = report.ceilingRuns().getFirst().work();
        assertThat(noop.commits()).isPositive();
        assertThat(noop.statements()).isPositive();
    }

    private static List<EndToEndResult> runs(ModeResult mode) {
        List<EndToEndResult> runs = new ArrayList<>(mode.sustained());
        runs.addAll(mode.drains());
        runs.add(mode.fixed());
        return runs;
    }

    @Test
    void leavesNoProcessOfThePlatformBehind() {
        List<String> leftovers = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains("eventflow-bench-")
                        || cmd.contains("benchmarks") && cmd.endsWith("io.helidon.microprofile.cdi.Main"))
                .toList();

        assertThat(leftovers).isEmpty();
    }
}
