package io.eventflow.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdFilterTest {

    @Test
    void processTimeIsSecondsWithSixDecimals() {
        assertThat(CorrelationIdFilter.seconds(0)).isEqualTo("0.000000");
        assertThat(CorrelationIdFilter.seconds(42)).isEqualTo("0.000042");
        assertThat(CorrelationIdFilter.seconds(1_234_567)).isEqualTo("1.234567");
        assertThat(CorrelationIdFilter.seconds(12_000_001)).isEqualTo("12.000001");
    }
}
