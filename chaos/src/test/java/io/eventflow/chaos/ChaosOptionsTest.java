package io.eventflow.chaos;

import java.util.List;

import io.eventflow.testing.ProcessingMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChaosOptionsTest {

    @Test
    void fullRunSendsTenThousandEventsThroughEveryScenario() {
        ChaosOptions options = ChaosOptions.parse(new String[] {"--root", "/tmp/project"});

        assertThat(options.events()).isEqualTo(10_000);
        assertThat(options.root()).hasToString("/tmp/project");
        assertThat(Scenarios.select(options.only(), options.shortRun())).extracting(Scenario::name)
                .containsExactlyElementsOf(Scenarios.names())
                .contains("kill-subscriber", "kill-worker", "kill-publisher", "kill-broker", "kill-postmaster",
                        "sigterm-publisher", "sigterm-subscriber", "sigterm-worker", "broker-outage-60s",
                        "database-outage-60s", "rebalance");
    }

    @Test
    void shortRunPicksTheThreeMostTellingScenariosWithFewerEvents() {
        ChaosOptions options = ChaosOptions.parse(new String[] {"--short"});

        assertThat(options.events()).isEqualTo(1_500);
        assertThat(Scenarios.select(options.only(), true)).extracting(Scenario::name)
                .containsExactly("kill-subscriber", "kill-broker", "sigterm-publisher");
    }

    @Test
    void onlyRunsTheNamedScenariosAndRefusesUnknownOnes() {
        ChaosOptions options = ChaosOptions.parse(new String[] {"--only", "rebalance,kill-broker", "--events", "500"});

        assertThat(options.events()).isEqualTo(500);
        assertThat(Scenarios.select(options.only(), false)).extracting(Scenario::name)
                .containsExactly("kill-broker", "rebalance");
        assertThatThrownBy(() -> Scenarios.select(List.of("kill-everything"), false))
                .hasMessageContaining("Unknown scenario 'kill-everything'").hasMessageContaining("kill-broker");
    }

    @Test
    void runsPerEventByDefaultAndBatchedWhenAsked() {
        assertThat(ChaosOptions.parse(new String[] {"--short"}).mode()).isEqualTo(ProcessingMode.PER_EVENT);
        assertThat(ChaosOptions.parse(new String[] {"--mode", "per-event"}).mode()).isEqualTo(ProcessingMode.PER_EVENT);

        ChaosOptions batched = ChaosOptions.parse(new String[] {"--short", "--mode", "batched"});

        assertThat(batched.mode()).isEqualTo(ProcessingMode.BATCHED);
        assertThat(batched.mode().value()).as("the value the subscriber's eventflow.processing.mode takes").isEqualTo("batched");
        assertThat(batched.shortRun()).isTrue();
        assertThat(ChaosOptions.usage()).contains("[--mode per-event|batched]").contains("EVENTFLOW_PROCESSING_MODE");
    }

    @Test
    void refusesAModeTheSubscriberDoesNotHave() {
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"--mode", "batch"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--mode takes per-event or batched, not 'batch'");
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"--mode", "BATCHED"}))
                .hasMessage("--mode takes per-event or batched, not 'BATCHED'");
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"--mode"})).hasMessageContaining("--mode needs a value");
    }

    @Test
    void wrongArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"--events", "many"}))
                .hasMessageContaining("--events needs a positive whole number, not 'many'");
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"--fast"})).hasMessageContaining("Unknown argument '--fast'");
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"--only"})).hasMessageContaining("--only needs a value");
    }
}
