package io.eventflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.eventflow.testing.ManagedProcess;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every way {@code ./eventflow run} is stopped in practice, one after the other on one data folder: Ctrl-C in a
 * terminal (SIGINT to the foreground process group), SIGTERM to the script, SIGTERM to its whole process group (a
 * service manager, a CI runner) and kill -9 of the script (its processes keep running until the next run stops
 * them). After each, the next run must come up as usual, and the first event posted after "up" must be consumed
 * and its status stored within 5 s (so the new subscriber did not wait for a dead consumer-group member); its own
 * row follows within one more JobRunr poll interval.
 * The first run has no curl on its PATH: the command checks health without it.
 */
class RunStopPathsE2ETest {

    private static final Duration FIRST_EVENT_BOUND = Duration.ofSeconds(5);
    /** JobRunr picks enqueued jobs up every 5 s (its minimum): the event's own row may wait that long once more. */
    private static final Duration JOB_POLL_INTERVAL = Duration.ofSeconds(5);
    private static final Duration GENEROUS = Duration.ofSeconds(90);

    private final List<ManagedProcess> runs = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        runs.forEach(ManagedProcess::close);
    }

    @Test
    void nextRunStoresTheFirstEventQuicklyAfterEveryStopPath() throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e").toAbsolutePath()), "stops-");
        PlatformRunner platform = PlatformRunner.onFreePorts(home);
        PlatformClient client = new PlatformClient(platform);
        SoftAssertions softly = new SoftAssertions();
        List<String> report = new ArrayList<>();

        long launched = System.nanoTime();
        ManagedProcess run = start(platform, "curl-less.log", Map.of("PATH", pathWithoutCurl(home).toString()));
        report.add(measure("first run, no curl on PATH", platform, client, launched, softly));

        for (StopPath stop : StopPath.values()) {
            Map<String, ProcessHandle> children = platform.recordedProcesses();
            assertThat(children).as("processes recorded by the run").hasSize(4);
            stop.apply(run);
            if (stop == StopPath.KILL_9_SCRIPT) {
                assertThat(run.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(children.values()).as("kill -9 of the script leaves its processes running")
                        .allMatch(ProcessHandle::isAlive);
            } else {
                assertThat(run.process().waitFor(90, TimeUnit.SECONDS)).as("the run stops after " + stop).isTrue();
                assertThat(children.values()).as("processes left after " + stop).noneMatch(ProcessHandle::isAlive);
            }
            launched = System.nanoTime();
            run = start(platform, "after-" + stop.name().toLowerCase() + ".log", Map.of());
            if (stop == StopPath.KILL_9_SCRIPT) {
                assertThat(children.values()).as("the next run stopped the leftovers").noneMatch(ProcessHandle::isAlive);
            }
            report.add(measure("after " + stop, platform, client, launched, softly));
        }

        Map<String, ProcessHandle> children = platform.recordedProcesses();
        run.process().destroy();
        assertThat(run.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> children.values().stream().noneMatch(ProcessHandle::isAlive));
        System.out.println("[stop paths] " + String.join("\n[stop paths] ", report));
        softly.assertAll();
    }

    private ManagedProcess start(PlatformRunner platform, String log, Map<String, String> env) throws IOException {
        ManagedProcess run = platform.start(log, env);
        runs.add(run);
        return run;
    }

    /** Posts an event right after "up" and checks it is stored within the bound; returns a line for the report. */
    private static String measure(String when, PlatformRunner platform, PlatformClient client, long launched,
                                  SoftAssertions softly) throws IOException {
        Duration up = Duration.ofNanos(System.nanoTime() - launched);
        long posted = System.nanoTime();
        String eventId = client.postEvent(Duration.ofSeconds(60));
        Duration recorded = client.awaitRecorded(eventId, posted, GENEROUS);
        Duration stored = client.awaitStored(eventId, posted, GENEROUS);
        softly.assertThat(recorded).as("first event consumed and its status stored after \"up\", " + when)
                .isLessThanOrEqualTo(FIRST_EVENT_BOUND);
        softly.assertThat(stored).as("first event's row stored after \"up\", " + when)
                .isLessThanOrEqualTo(FIRST_EVENT_BOUND.plus(JOB_POLL_INTERVAL));
        return "%-40s up after %5.1f s; first event: status stored %5.2f s, event row stored %5.2f s after the POST"
                .formatted(when, up.toMillis() / 1000.0, recorded.toMillis() / 1000.0, stored.toMillis() / 1000.0);
    }

    /** A folder of links to every command on this machine's PATH except curl. */
    private static Path pathWithoutCurl(Path home) throws IOException {
        Path bin = Files.createDirectories(home.resolveSibling(home.getFileName() + "-bin"));
        for (String dir : System.getenv("PATH").split(":")) {
            Path folder = Path.of(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> commands = Files.list(folder)) {
                for (Path command : (Iterable<Path>) commands::iterator) {
                    Path link = bin.resolve(command.getFileName());
                    if (!command.getFileName().toString().equals("curl") && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, command);
                    }
                }
            }
        }
        assertThat(bin.resolve("curl")).doesNotExist();
        return bin;
    }

    /** The ways a run is stopped. */
    private enum StopPath {
        CTRL_C_IN_A_TERMINAL("INT", true),
        SIGTERM_TO_THE_SCRIPT("TERM", false),
        SIGTERM_TO_ITS_PROCESS_GROUP("TERM", true),
        KILL_9_SCRIPT("KILL", false);

        private final String signal;
        private final boolean group;

        StopPath(String signal, boolean group) {
            this.signal = signal;
            this.group = group;
        }

        void apply(ManagedProcess run) throws IOException, InterruptedException {
            PlatformRunner.signal(signal, run.process().pid(), group);
        }

        @Override
        public String toString() {
            return name().toLowerCase().replace('_', ' ');
        }
    }
}
