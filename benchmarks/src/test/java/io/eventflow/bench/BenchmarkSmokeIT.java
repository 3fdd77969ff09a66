package io.eventflow.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void runSmokeBenchmark() throws Exception {
        out = Path.of("target", "bench-smoke", "BENCHMARKS-smoke.md").toAbsolutePath();
        Files.deleteIfExists(out);
        BenchOptions options = BenchOptions.parse(new String[] {"--smoke", "--root", Devkit.projectRoot().toString(),
                "--out", out.toString()}, Map.of());
        report = Bench.run(options.withChildClasspath(noopServerClasspath()));
    }

    /**
     * Under surefire the JVM's own class path is a manifest-only jar, so the no-op server gets the test class
     * path - without the services, which are on it only to order the build (CDI would start their beans).
     */
    private static String noopServerClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("publisher-mp") && !entry.contains("subscriber-mp"))
                .collect(Collectors.joining(File.pathSeparator));
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
