package io.eventflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.eventflow.bench.ceiling.KafkaResult;
import io.eventflow.bench.report.EndToEndResult;
import io.eventflow.bench.report.MarkdownReport;
import io.eventflow.bench.report.Report;
import io.eventflow.testing.Devkit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./eventflow bench --smoke} as CI runs it: the harness starts the platform itself on free ports,
 * runs every phase for a moment and stops everything. Asserts the report is complete, never a speed.
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
        assertThat(report.jobs()).hasSize(3);
    }

    @Test
    void writesEveryReportSection() throws IOException {
        String markdown = Files.readString(out);

        assertThat(markdown).contains(MarkdownReport.SECTIONS);
        assertThat(markdown).contains("single-event ingestion, saturation", "end to end, sustained",
                "accepted-to-stored p99", "ProducerPerformance lz4", "ProducerPerformance gzip", "JobRunr no-op");
        assertThat(markdown).contains("cores (nproc)", "Smoke run");
    }

    @Test
    void measuresEveryProcessOfThePlatform() {
        assertThat(report.idleRssKb()).containsKeys("kafka", "postgres", "postgres-server", "publisher", "subscriber");
        assertThat(report.idleRssKb().values()).allMatch(kb -> kb > 0);
    }

    @Test
    void everyAcceptedEventReachedTheDatabase() {
        for (EndToEndResult e2e : List.of(report.endToEndFixed(), report.endToEndBurst(), report.drain())) {
            assertThat(e2e.load().ok()).isPositive();
            assertThat(e2e.stored()).isEqualTo(e2e.load().ok());
        }
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
