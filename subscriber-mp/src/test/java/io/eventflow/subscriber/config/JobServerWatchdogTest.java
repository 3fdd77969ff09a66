package io.eventflow.subscriber.config;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A job server JobRunr stopped is started again once the database answers; liveness fails only if that fails. */
class JobServerWatchdogTest {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean storage = new AtomicBoolean(true);
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicBoolean startWorks = new AtomicBoolean(true);
    private final JobServerWatchdog watchdog = new JobServerWatchdog(running::get, storage::get, () -> {
        starts.incrementAndGet();
        running.set(startWorks.get());
    });

    @Test
    void leavesARunningServerAlone() {
        watchdog.check();
        watchdog.check();

        assertThat(starts).hasValue(0);
        assertThat(watchdog.failure()).isEmpty();
    }

    @Test
    void waitsForTheDatabaseThenStartsTheStoppedServer() {
        running.set(false);
        storage.set(false);

        for (int i = 0; i < 5; i++) {
            watchdog.check();
        }
        assertThat(starts).as("no start while the database is away").hasValue(0);
        assertThat(watchdog.failure()).as("waiting for the database is not a reason to restart the process").isEmpty();

        storage.set(true);
        watchdog.check();

        assertThat(starts).hasValue(1);
        assertThat(running).isTrue();
        assertThat(watchdog.failure()).isEmpty();
    }

    @Test
    void actsOnlyOnTheSecondLookSoAStopInProgressIsNotRaced() {
        running.set(false);

        watchdog.check();
        assertThat(starts).hasValue(0);

        watchdog.check();
        assertThat(starts).hasValue(1);
    }

    @Test
    void reportsAFailureOnlyAfterStartsThatDidNotHelpAndClearsItWhenTheServerRunsAgain() {
        running.set(false);
        startWorks.set(false);

        watchdog.check();
        for (int i = 0; i < JobServerWatchdog.GIVE_UP_AFTER - 1; i++) {
            watchdog.check();
            assertThat(watchdog.failure()).isEmpty();
        }
        watchdog.check();

        assertThat(starts).hasValue(JobServerWatchdog.GIVE_UP_AFTER);
        assertThat(watchdog.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("did not stay up"));

        running.set(true);
        watchdog.check();
        assertThat(watchdog.failure()).isEmpty();
    }

    @Test
    void aStartThatThrowsCountsAsAFailedStart() {
        JobServerWatchdog throwing = new JobServerWatchdog(() -> false, () -> true, () -> {
            throw new IllegalStateException("storage refused the announcement");
        });

        for (int i = 0; i <= JobServerWatchdog.GIVE_UP_AFTER; i++) {
            throwing.check();
        }

        assertThat(throwing.failure()).isPresent();
    }
}
