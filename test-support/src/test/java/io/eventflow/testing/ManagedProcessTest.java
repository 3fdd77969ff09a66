package io.eventflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The fault-injection operations on a real child process: kill, terminate, restart. */
class ManagedProcessTest {

    private static final Duration READY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void killEndsTheProcessAndEverythingItStarted() throws IOException {
        ManagedProcess process = bash("echo ready; sleep 60 & wait");
        await().atMost(READY).until(() -> process.process().descendants().findAny().isPresent());
        List<ProcessHandle> children = process.process().descendants().toList();

        process.kill();

        assertThat(process.isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void terminateLetsTheProcessRunItsSigtermHandlerAndExit() throws IOException {
        ManagedProcess process = bash("trap 'echo leaving; exit 3' TERM; echo ready; while true; do sleep 0.1; done");

        boolean exitedByItself = process.terminate(Duration.ofSeconds(10));

        assertThat(exitedByItself).isTrue();
        assertThat(process.process().exitValue()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(process.logFile()).contains("leaving"));
    }

    @Test
    void terminateKillsAProcessThatIgnoresSigterm() throws IOException {
        ManagedProcess process = bash("trap '' TERM; echo ready; while true; do sleep 0.1; done");

        boolean exitedByItself = process.terminate(Duration.ofMillis(500));

        assertThat(exitedByItself).isFalse();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void restartRunsTheSameCommandAgainAndAppendsToTheSameLog() throws IOException {
        ManagedProcess first = bash("echo ready $$; sleep 60");
        assertThatThrownBy(first::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("still running");
        first.kill();

        ManagedProcess second = first.restart();
        try {
            assertThat(second.pid()).isNotEqualTo(first.pid());
            assertThat(second.isAlive()).isTrue();
            await().atMost(READY).until(() -> Files.readString(second.logFile())
                    .contains("ready " + first.pid()) && Files.readString(second.logFile()).contains("ready " + second.pid()));
        } finally {
            second.kill();
        }
    }

    private ManagedProcess bash(String script) throws IOException {
        return ManagedProcess.start("bash", List.of("bash", "-c", script), dir, dir.resolve("process.log"), "ready",
                READY);
    }
}
