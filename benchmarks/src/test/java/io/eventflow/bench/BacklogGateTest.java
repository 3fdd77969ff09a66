package io.eventflow.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class BacklogGateTest {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final long IN_A_MINUTE = TimeUnit.MINUTES.toNanos(1);
    private final AtomicLong stored = new AtomicLong();

    @Test
    void capsTheBacklogAtAFewSecondsOfTheStoredRateButNeverBelowTheFloor() {
        assertThat(BacklogGate.cap(2_000, 900, Duration.ofSeconds(4))).isEqualTo(3_600);
        assertThat(BacklogGate.cap(2_000, 100, Duration.ofSeconds(4))).isEqualTo(2_000);
        assertThat(BacklogGate.cap(2_000, Double.NaN, Duration.ofSeconds(4))).isEqualTo(2_000);
    }

    @Test
    void aSenderWaitsWhileTheBacklogIsAtItsCapAndGoesOnOnceRowsAreStored() throws Exception {
        try (BacklogGate gate = new BacklogGate(stored::get, 10, System.nanoTime() + IN_A_MINUTE, POLL)) {
            gate.sent(10);
            CompletableFuture<Void> sender = CompletableFuture.runAsync(gate::awaitRoom);
            await().atMost(Duration.ofSeconds(5)).until(() -> gate.backlog().waits() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> gate.backlog().peak() == 10);

            assertThat(sender).isNotDone();
            stored.set(1);
            sender.get(5, TimeUnit.SECONDS);
            assertThat(gate.backlog().reached()).isTrue();
        }
    }

    @Test
    void aLoadThePlatformKeepsUpWithNeverWaits() {
        try (BacklogGate gate = new BacklogGate(stored::get, 10, System.nanoTime() + IN_A_MINUTE, POLL)) {
            gate.sent(9);
            gate.awaitRoom();

            assertThat(gate.backlog().reached()).isFalse();
            assertThat(gate.backlog().cap()).isEqualTo(10);
        }
    }

    @Test
    void nobodyWaitsOnceTheWindowHasClosed() {
        try (BacklogGate gate = new BacklogGate(stored::get, 10, System.nanoTime() - 1, POLL)) {
            gate.sent(50);

            assertTimeoutPreemptively(Duration.ofSeconds(5), gate::awaitRoom);
        }
    }
}
