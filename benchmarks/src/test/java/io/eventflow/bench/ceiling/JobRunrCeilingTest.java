package io.eventflow.bench.ceiling;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.eventflow.testing.ProcessingMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ceiling is only a ceiling of the subscriber's job server if it is wired like it. */
class JobRunrCeilingTest {

    private static final Path SUBSCRIBER_CONFIG = Path.of("..", "subscriber-mp", "src", "main", "resources",
            "META-INF", "microprofile-config.properties");

    @Test
    void runsAsManyWorkersPerModeAndConnectionsAsTheSubscriberByDefault() throws IOException {
        Properties subscriber = new Properties();
        try (Reader in = Files.newBufferedReader(SUBSCRIBER_CONFIG)) {
            subscriber.load(in);
        }

        for (ProcessingMode mode : ProcessingMode.values()) {
            assertThat(Integer.parseInt(subscriber.getProperty("eventflow.jobs.workers." + mode.value()))).as(mode.value())
                    .isEqualTo(mode.defaultWorkers());
        }
        assertThat(Integer.parseInt(subscriber.getProperty("javax.sql.DataSource.eventflow.maximumPoolSize")))
                .isEqualTo(JobRunrCeiling.POOL_SIZE);
    }

    @Test
    void followsTheWorkerCountThePlatformUnderTestIsGiven() {
        assertThat(JobRunrCeiling.workers(ProcessingMode.BATCHED, Map.of("EVENTFLOW_JOBS_WORKERS", " 12 "))).isEqualTo(12);
        assertThat(JobRunrCeiling.workers(ProcessingMode.BATCHED, Map.of())).isEqualTo(8);
        assertThat(JobRunrCeiling.workers(ProcessingMode.PER_EVENT, Map.of())).isEqualTo(32);
    }
}
