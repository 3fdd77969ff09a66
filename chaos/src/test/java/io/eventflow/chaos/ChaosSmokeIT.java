package io.eventflow.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short variant of {@code ./eventflow chaos}, run by {@code ./eventflow test}: the three most telling faults
 * against the real processes (broker, database, publisher, subscriber), each with its own platform and
 * {@value #EVENTS} events sent under load. Every event answered 202 must end stored exactly once and completed.
 */
class ChaosSmokeIT {

    private static final int EVENTS = 1_500;
    private static ScenarioRunner runner;

    @BeforeAll
    static void createRunner() throws IOException {
        Path runs = Files.createDirectories(Path.of("target", "chaos-smoke").toAbsolutePath());
        runner = new ScenarioRunner(new Progress(System.out), Files.createTempDirectory(runs, "run-"), EVENTS,
                ChaosOptions.DEFAULT_RATE, Chaos.STALL_TIMEOUT);
    }

    @Test
    void killingTheSubscriberMidLoadLosesNothingAndStoresEachEventOnce() {
        assertEveryAcceptedEventStoredOnce(runner.run(Scenarios.named("kill-subscriber")));
    }

    @Test
    void killingTheBrokerForTenSecondsMidLoadLosesNothingAndStoresEachEventOnce() {
        assertEveryAcceptedEventStoredOnce(runner.run(Scenarios.named("kill-broker")));
    }

    @Test
    void stoppingThePublisherWithSigtermMidLoadLosesNothingAndStoresEachEventOnce() {
        assertEveryAcceptedEventStoredOnce(runner.run(Scenarios.named("sigterm-publisher")));
    }

    private static void assertEveryAcceptedEventStoredOnce(ScenarioResult result) {
        String name = result.scenario().name();
        assertThat(result.counts()).as("%s ran to its count: %s", name, result.findings()).isNotNull();
        EventAudit.Counts counts = result.counts();
        assertThat(counts.accepted()).as("%s: events answered 202 (each retried until accepted)", name)
                .isEqualTo(EVENTS);
        assertThat(counts.lost()).as("%s: lost events; %s", name, result.findings()).isZero();
        assertThat(counts.duplicated()).as("%s: duplicated events; %s", name, result.findings()).isZero();
        assertThat(counts.stuck()).as("%s: stuck events; %s", name, result.findings()).isZero();
        assertThat(counts.failed()).as("%s: failed events; %s", name, result.findings()).isZero();
        assertThat(result.settle()).as("%s: time to settle after the heal", name).isNotNull();
    }
}
