package io.eventflow.subscriber.config;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessingModeTest {

    @Test
    void perEventIsTheDefault() {
        assertThat(ProcessingMode.of(Optional.empty())).isEqualTo(ProcessingMode.PER_EVENT);
    }

    @Test
    void readsEitherModeWhateverItsCaseAndSpaces() {
        assertThat(ProcessingMode.of(Optional.of(" Batched "))).isEqualTo(ProcessingMode.BATCHED);
        assertThat(ProcessingMode.of(Optional.of("per-event"))).isEqualTo(ProcessingMode.PER_EVENT);
    }

    @Test
    void aValueThatNamesNoModeStopsTheStartWithWhatTheSettingTakes() {
        assertThatIllegalStateException().isThrownBy(() -> ProcessingMode.of(Optional.of("batch")))
                .withMessage("eventflow.processing.mode=batch is not a processing mode; set per-event or batched"
                        + " (env EVENTFLOW_PROCESSING_MODE)");
    }
}
