package io.eventflow.publisher.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import io.eventflow.publisher.application.port.in.IdempotencyKeyReusedException;
import org.junit.jupiter.api.Test;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyWindowTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger publishes = new AtomicInteger();

    @Test
    void repeatGetsTheFirstOutcomeWithoutPublishingAgain() {
        IdempotencyWindow window = new IdempotencyWindow(clock, Duration.ofHours(24), 10);
        UUID id = UUID.randomUUID();

        UUID first = window.once("k", "f", () -> publish(id)).toCompletableFuture().join();
        UUID repeat = window.once("k", "f", () -> publish(UUID.randomUUID())).toCompletableFuture().join();

        assertThat(repeat).isEqualTo(first).isEqualTo(id);
        assertThat(publishes).hasValue(1);
    }

    @Test
    void repeatWhileTheFirstIsInFlightWaitsForIt() {
        IdempotencyWindow window = new IdempotencyWindow(clock, Duration.ofHours(24), 10);
        CompletableFuture<UUID> ack = new CompletableFuture<>();

        CompletionStage<UUID> first = window.once("k", "f", () -> ack);
        CompletionStage<UUID> repeat = window.once("k", "f", () -> publish(UUID.randomUUID()));
        UUID id = UUID.randomUUID();
        ack.complete(id);

        assertThat(repeat.toCompletableFuture().join()).isEqualTo(first.toCompletableFuture().join()).isEqualTo(id);
        assertThat(publishes).hasValue(0);
    }

    @Test
    void failedPublishIsForgottenSoTheRetryPublishes() {
        IdempotencyWindow window = new IdempotencyWindow(clock, Duration.ofHours(24), 10);

        CompletionStage<UUID> failed = window.once("k", "f", () -> CompletableFuture.failedFuture(new IllegalStateException()));
        UUID retried = window.once("k", "f", () -> publish(UUID.randomUUID())).toCompletableFuture().join();

        assertThat(failed.toCompletableFuture()).isCompletedExceptionally();
        assertThat(retried).isNotNull();
        assertThat(publishes).hasValue(1);
    }

    @Test
    void sameKeyWithAnotherFingerprintIsRejected() {
        IdempotencyWindow window = new IdempotencyWindow(clock, Duration.ofHours(24), 10);
        window.once("k", "f", () -> publish(UUID.randomUUID()));

        CompletionStage<UUID> other = window.once("k", "g", () -> publish(UUID.randomUUID()));

        assertThatThrownBy(() -> other.toCompletableFuture().join()).hasCauseInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(publishes).hasValue(1);
    }

    @Test
    void keyIsForgottenAfterTheWindow() {
        IdempotencyWindow window = new IdempotencyWindow(clock, Duration.ofHours(24), 10);
        window.once("k", "f", () -> publish(UUID.randomUUID()));

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        window.once("k", "f", () -> publish(UUID.randomUUID()));

        assertThat(publishes).hasValue(2);
    }

    @Test
    void keepsAtMostMaxKeysDroppingTheOldest() {
        IdempotencyWindow window = new IdempotencyWindow(clock, Duration.ofHours(24), 2);
        window.once("a", "f", () -> publish(UUID.randomUUID()));
        window.once("b", "f", () -> publish(UUID.randomUUID()));
        window.once("c", "f", () -> publish(UUID.randomUUID()));

        window.once("b", "f", () -> publish(UUID.randomUUID()));
        assertThat(publishes).hasValue(3);
        window.once("a", "f", () -> publish(UUID.randomUUID()));
        assertThat(publishes).hasValue(4);
        assertThat(window.size()).isEqualTo(2);
    }

    @Test
    void aByteBudgetCapsTheKeysWhateverTheirLength() {
        IdempotencyWindow window = new IdempotencyWindow(clock, Duration.ofHours(24), 1000,
                3L * IdempotencyWindow.ENTRY_BYTES);
        assertThat(window.capacity()).isEqualTo(3);

        // keys are kept as hashes: a 500 KB key costs what a short one does, and still counts once
        for (int i = 0; i < 5; i++) {
            window.once(i + "k".repeat(500_000), "f", () -> publish(UUID.randomUUID()));
        }

        assertThat(window.size()).isEqualTo(3);
        window.once(4 + "k".repeat(500_000), "f", () -> publish(UUID.randomUUID()));
        assertThat(publishes).as("the newest key is still remembered").hasValue(5);
    }

    private CompletionStage<UUID> publish(UUID id) {
        publishes.incrementAndGet();
        return CompletableFuture.completedFuture(id);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
