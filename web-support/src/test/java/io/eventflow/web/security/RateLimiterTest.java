package io.eventflow.web.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    @Test
    void allowsTheBurstThenAsksToWait() {
        RateLimiter limiter = RateLimiter.perMinute(1, 2);

        assertThat(limiter.tryAcquire("ci")).isEmpty();
        assertThat(limiter.tryAcquire("ci")).isEmpty();
        assertThat(limiter.tryAcquire("ci")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void keepsOneBucketPerKey() {
        RateLimiter limiter = RateLimiter.perMinute(1, 1);

        assertThat(limiter.tryAcquire("ci")).isEmpty();
        assertThat(limiter.tryAcquire("ci")).isPresent();
        assertThat(limiter.tryAcquire("partner")).isEmpty();
    }

    @Test
    void neverLimitsWhenOff() {
        RateLimiter limiter = RateLimiter.off();

        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire("ci")).isEmpty();
        }
        assertThat(limiter.enabled()).isFalse();
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> RateLimiter.perMinute(0, 10)).hasMessageContaining("requests-per-minute >= 1");
    }
}
