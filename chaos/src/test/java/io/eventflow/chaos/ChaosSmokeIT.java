package io.eventflow.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.eventflow.testing.ProcessingMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short variant of {@code ./eventflow chaos}, run by {@code ./eventflow test}: the three most telling faults
 * against the real processes (broker, database, publisher, subscriber), each with its own platform and
 * {@value #EVENTS} events sent under load, in the subscriber's default per-event mode; and kill -9 of the subscriber
 * once more in batched mode, with {@value #BATCHED_EVENTS} events. Every event answered 202 must end stored exactly
 * once and completed, by the kind of job its mode schedules.
 */
class ChaosSmokeIT {

    private static final int EVENTS = 1_500;
    /** Fewer, to keep the build short: the fault still lands at 30% accepted, with the load going on around it. */
    private static final int BATCHED_EVENTS = 1_000;
    private static ScenarioRunner perEvent;
    private static ScenarioRunner batched;

    @BeforeAll
    static void createRunners() throws IOException {
        Path runs = Files.createDirectories(Path.of("target", "chaos-smoke").toAbsolutePath());
        Path runDir = Files.createTempDirectory(runs, "run-");
        perEvent = new ScenarioRunner(new Progress(System.out), runDir, EVENTS, ChaosOptions.DEFAULT_RATE,
                ProcessingMode.PER_EVENT, Chaos.STALL_TIMEOUT);
        batched = new ScenarioRunner(new Progress(System.out), runDir.resolve("batched"), BATCHED_EVENTS,
                ChaosOptions.DEFAULT_RATE, ProcessingMode.BATCHED, Chaos.STALL_TIMEOUT);
    }

    @Test
    void killingTheSubscriberMidLoadLosesNothingAndStoresEachEventOnce() {
        ScenarioResult result = perEvent.run(Scenarios.named("kill-subscriber"));

        assertEveryAcceptedEventStoredOnce(result, EVENTS);
        assertCompletedByOwnJobsOnly(result);
    }

    @Test
    void killingTheSubscriberMidLoadInBatchedModeLosesNothingAndStoresEachEventOnce() {
        ScenarioResult result = batched.run(Scenarios.named("kill-subscriber"));

        assertEveryAcceptedEventStoredOnce(result, BATCHED_EVENTS);
        assertThat(result.mode()).isEqualTo(ProcessingMode.BATCHED);
        assertThat(result.jobs().inBatches()).as("kill-subscriber, batched: events completed by batch jobs (%s)",
                result.jobs().summary()).isPositive();
        assertThat(result.jobs().batchJobs()).as("batch jobs, each with several events").isPositive()
                .isLessThan(result.jobs().inBatches());
    }

    @Test
    void killingTheBrokerForTenSecondsMidLoadLosesNothingAndStoresEachEventOnce() {
        ScenarioResult result = perEvent.run(Scenarios.named("kill-broker"));

        assertEveryAcceptedEventStoredOnce(result, EVENTS);
        assertCompletedByOwnJobsOnly(result);
    }

    @Test
    void stoppingThePublisherWithSigtermMidLoadLosesNothingAndStoresEachEventOnce() {
        ScenarioResult result = perEvent.run(Scenarios.named("sigterm-publisher"));

        assertEveryAcceptedEventStoredOnce(result, EVENTS);
        assertCompletedByOwnJobsOnly(result);
    }

    /** Per-event mode, the subscriber's default when nothing sets it: no event was completed by a batch job. */
    private static void assertCompletedByOwnJobsOnly(ScenarioResult result) {
        assertThat(result.mode()).isEqualTo(ProcessingMode.PER_EVENT);
        assertThat(result.jobs()).as("%s: jobs", result.scenario().name())
                .isEqualTo(new EventAudit.Jobs(result.counts().accepted(), 0, 0));
    }

    private static void assertEveryAcceptedEventStoredOnce(ScenarioResult result, int events) {
        String name = result.scenario().name() + " (" + result.mode().value() + ")";
        assertThat(result.counts()).as("%s ran to its count: %s", name, result.findings()).isNotNull();
        EventAudit.Counts counts = result.counts();
        assertThat(counts.accepted()).as("%s: events answered 202 (each retried until accepted)", name)
                .isEqualTo(events);
        assertThat(counts.lost()).as("%s: lost events; %s", name, result.findings()).isZero();
        assertThat(counts.duplicated()).as("%s: duplicated events; %s", name, result.findings()).isZero();
        assertThat(counts.stuck()).as("%s: stuck events; %s", name, result.findings()).isZero();
        assertThat(counts.failed()).as("%s: failed events; %s", name, result.findings()).isZero();
        assertThat(result.settle()).as("%s: time to settle after the heal", name).isNotNull();
    }
}
