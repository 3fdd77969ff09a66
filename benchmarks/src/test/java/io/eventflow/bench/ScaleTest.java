package io.eventflow.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleTest {

    @Test
    void sizesTheDrainToThirtySecondsOfTheSustainedRateInWholeBatches() {
        assertThat(Scale.FULL.drainEvents(2_512.3)).isEqualTo(75_400);
    }

    @Test
    void aSlowOrUnmeasuredSustainedRateStillDrainsTheMinimum() {
        assertThat(Scale.FULL.drainEvents(150)).isEqualTo(5_000);
        assertThat(Scale.FULL.drainEvents(Double.NaN)).isEqualTo(5_000);
    }

    @Test
    void aVeryFastOneIsCapped() {
        assertThat(Scale.FULL.drainEvents(1_000_000)).isEqualTo(Scale.DRAIN_MAX);
    }

    @Test
    void runsCanBeChangedWithoutTouchingTheRest() {
        Scale one = Scale.FULL.withRuns(1);

        assertThat(one.e2eRuns()).isEqualTo(1);
        assertThat(one.withRuns(Scale.FULL.e2eRuns())).isEqualTo(Scale.FULL);
    }
}
