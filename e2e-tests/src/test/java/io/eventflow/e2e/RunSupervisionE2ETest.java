package io.eventflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.eventflow.testing.ManagedProcess;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under {@code ./eventflow run}, a kill -9 of any one component - the broker, the database process, the database
 * server's postmaster, the publisher, the subscriber - is followed by its restart and full recovery: an event
 * posted after the fault is stored. After the subscriber's restart, processing resumes within 15 s of the new
 * process answering HTTP (its consumer takes its partitions over without waiting for the dead member to expire).
 */
class RunSupervisionE2ETest {

    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final Duration SUBSCRIBER_RESUME_BOUND = Duration.ofSeconds(15);

    @Test
    void restartsEveryComponentThatDiesAndRecovers() throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e").toAbsolutePath()), "supervised-");
        PlatformRunner platform = PlatformRunner.onFreePorts(home);
        PlatformClient client = new PlatformClient(platform);
        SoftAssertions softly = new SoftAssertions();
        List<String> report = new ArrayList<>();
        try (ManagedProcess run = platform.start("run.log")) {
            Path log = run.logFile();
            String warmUp = client.postEvent(Duration.ofSeconds(60));
            client.awaitStored(warmUp, System.nanoTime(), RECOVERY);

            for (String component : List.of("kafka", "postgres", "publisher")) {
                long pid = platform.recordedPid(component).orElseThrow();
                long skip = Files.size(log);
                long killed = System.nanoTime();
                PlatformRunner.signal("KILL", pid, false);
                PlatformClient.awaitLine(log, skip, component + " (pid " + pid + ") died: killed by signal KILL", RECOVERY);
                PlatformClient.awaitLine(log, skip, component + " restarted as pid", RECOVERY);
                String eventId = client.postEvent(RECOVERY);
                Duration recovered = client.awaitStored(eventId, killed, RECOVERY);
                report.add("%-10s kill -9: an event posted afterwards stored %5.1f s after the kill".formatted(
                        component, recovered.toMillis() / 1000.0));
            }

            long postmaster = platform.postmasterPid();
            long databaseProcess = platform.recordedPid("postgres").orElseThrow();
            long skip = Files.size(log);
            long killed = System.nanoTime();
            PlatformRunner.signal("KILL", postmaster, false);
            PlatformClient.awaitLine(log, skip, "postmaster pid " + postmaster + ") exited", RECOVERY);
            PlatformClient.awaitLine(log, skip, "postgres: the server runs again", RECOVERY);
            assertThat(platform.recordedPid("postgres")).as("the database process restarted its server itself")
                    .hasValue(databaseProcess);
            String afterPostmaster = client.postEvent(RECOVERY);
            report.add("%-10s kill -9: an event posted afterwards stored %5.1f s after the kill".formatted(
                    "postmaster", client.awaitStored(afterPostmaster, killed, RECOVERY).toMillis() / 1000.0));

            long subscriber = platform.recordedPid("subscriber").orElseThrow();
            skip = Files.size(log);
            PlatformRunner.signal("KILL", subscriber, false);
            PlatformClient.awaitLine(log, skip, "subscriber restarted as pid", RECOVERY);
            String duringOutage = client.postEvent(Duration.ofSeconds(30));
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100))
                    .until(() -> client.status(platform.subscriber() + "/healthz") == 200);
            long answering = System.nanoTime();
            Duration resumed = client.awaitStored(duringOutage, answering, RECOVERY);
            softly.assertThat(resumed).as("processing resumes after the subscriber's restart")
                    .isLessThanOrEqualTo(SUBSCRIBER_RESUME_BOUND);
            report.add("%-10s kill -9: processing resumed %5.1f s after the new subscriber answered HTTP".formatted(
                    "subscriber", resumed.toMillis() / 1000.0));

            Map<String, ProcessHandle> children = platform.recordedProcesses();
            run.process().destroy();
            assertThat(run.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> children.values().stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            System.out.println("[supervision] " + String.join("\n[supervision] ", report));
        }
        softly.assertAll();
    }
}
