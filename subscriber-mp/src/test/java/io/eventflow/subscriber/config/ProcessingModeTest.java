package io.eventflow.subscriber.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.mp.MpConfigSources;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
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

    @Test
    void eachModeRunsItsOwnWorkerCountUnlessOneIsSet() {
        Map<String, String> defaults = Map.of("eventflow.jobs.workers.per-event", "32",
                "eventflow.jobs.workers.batched", "8");

        assertThat(ProcessingMode.PER_EVENT.workers(config(defaults))).isEqualTo(32);
        assertThat(ProcessingMode.BATCHED.workers(config(defaults))).isEqualTo(8);

        Map<String, String> set = new HashMap<>(defaults);
        set.put("eventflow.jobs.workers", "12");
        assertThat(ProcessingMode.PER_EVENT.workers(config(set))).isEqualTo(12);
        assertThat(ProcessingMode.BATCHED.workers(config(set))).isEqualTo(12);
    }

    private static Config config(Map<String, String> properties) {
        return ConfigProviderResolver.instance().getBuilder().withSources(MpConfigSources.create(properties)).build();
    }
}
