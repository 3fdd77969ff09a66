package io.eventflow.bench;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventflow.testing.ProcessingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static final Path ROOT = Path.of("/project");

    @Test
    void aFullRunMeasuresBothModesThreeTimesAndWritesBenchmarksMd() {
        BenchOptions options = parse();

        assertThat(options.modes()).containsExactly(ProcessingMode.PER_EVENT, ProcessingMode.BATCHED);
        assertThat(options.scale().e2eRuns()).isEqualTo(3);
        assertThat(options.out()).isEqualTo(ROOT.resolve("BENCHMARKS.md"));
    }

    @Test
    void aSmokeRunMeasuresOnce() {
        assertThat(parse("--smoke").scale().e2eRuns()).isEqualTo(1);
    }

    @Test
    void someModesOrFewerRunsAreAPartialRunWhoseReportStaysOutOfTheRepository() {
        BenchOptions batched = parse("--modes", "batched");
        BenchOptions once = parse("--runs", "1");

        assertThat(batched.modes()).containsExactly(ProcessingMode.BATCHED);
        assertThat(batched.out()).isEqualTo(ROOT.resolve("benchmarks/target/BENCHMARKS-partial.md"));
        assertThat(once.scale().e2eRuns()).isEqualTo(1);
        assertThat(once.out()).isEqualTo(ROOT.resolve("benchmarks/target/BENCHMARKS-partial.md"));
    }

    @Test
    void refusesAnUnknownModeOrRunCount() {
        assertThatThrownBy(() -> parse("--modes", "grouped")).hasMessage("--modes takes per-event or batched, not 'grouped'");
        assertThatThrownBy(() -> parse("--runs", "0")).hasMessageContaining("--runs needs a whole number of at least 1");
    }

    private static BenchOptions parse(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--root";
        all[1] = ROOT.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return BenchOptions.parse(all, Map.of());
    }
}
