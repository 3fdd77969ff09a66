package io.eventflow.bench.report;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadTest {

    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(Spread.of(List.of(250.0, 200.0, 230.0))).isEqualTo(new Spread(230, 200, 250, 3));
    }

    @Test
    void theMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void runsWithoutTheFigureAreLeftOut() {
        assertThat(Spread.of(Arrays.asList(Double.NaN, 7.0, null))).isEqualTo(new Spread(7, 7, 7, 1));
        assertThat(Spread.of(List.of(Double.NaN))).isEqualTo(Spread.NONE);
    }

    @Test
    void theMedianRunIsTheRunWhoseFigureIsTheMedian() {
        List<String> runs = List.of("a:250", "b:200", "c:230", "d:NaN");

        assertThat(Spread.medianRun(runs, SpreadTest::figure)).isEqualTo("c:230");
        assertThat(Spread.medianRun(List.of("a:1", "b:2"), SpreadTest::figure)).isEqualTo("a:1");
        assertThat(Spread.medianRun(List.of("d:NaN"), SpreadTest::figure)).isNull();
    }

    @Test
    void rendersTheMedianWithItsRange() {
        assertThat(Fmt.spread(new Spread(230, 200, 250, 3))).isEqualTo("230 (3 runs: 200-250)");
        assertThat(Fmt.spread(new Spread(22, 22, 22, 1))).isEqualTo("22 (1 run)");
        assertThat(Fmt.spread(Spread.NONE)).isEqualTo("-");
    }

    private static double figure(String run) {
        return Double.parseDouble(run.substring(run.indexOf(':') + 1));
    }
}
