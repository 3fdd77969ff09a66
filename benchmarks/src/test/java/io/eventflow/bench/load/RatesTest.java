package io.eventflow.bench.load;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatesTest {

    @Test
    void steadyRateIgnoresSlowStartAndStragglers() {
        // 100 completions 10 ms apart (100/s), the first after a 5 s wait and the last 5 s late
        long[] times = LongStream.range(0, 100).map(i -> 5_000_000 + i * 10_000).toArray();
        times[0] = 0;
        times[99] = times[98] + 5_000_000;

        assertThat(Rates.steadyRate(times)).isCloseTo(100, within(0.5));
    }

    @Test
    void windowRateCountsOnlyTheCompletionsInsideTheWindow() {
        // one completion every 10 ms from 0 to 10 s; the window is 2 s to 6 s, both ends included
        long[] times = LongStream.range(0, 1000).map(i -> i * 10_000).toArray();

        assertThat(Rates.windowRate(times, 2_000_000, 6_000_000)).isCloseTo(100, within(0.5));
        assertThat(Rates.windowRate(times, 20_000_000, 30_000_000)).isZero();
        assertThat(Rates.windowRate(times, 6_000_000, 6_000_000)).isNaN();
    }

    @Test
    void overallRateSpansFirstToLast() {
        assertThat(Rates.overall(50, 1_000_000, 3_000_000)).isEqualTo(25);
    }
}
