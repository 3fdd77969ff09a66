package io.eventflow.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wrong keys are counted per client address, and an address over its budget waits. */
class AuthFailureThrottleTest {

    @Test
    void blocksAnAddressOnceItSpentItsWrongKeys() {
        AuthFailureThrottle throttle = AuthFailureThrottle.perMinute(3, 100);

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("10.0.0.1")).isEmpty();
            throttle.failed("10.0.0.1");
        }

        assertThat(throttle.blocked("10.0.0.1")).hasValueSatisfying(wait -> assertThat(wait).isPositive());
        assertThat(throttle.blocked("10.0.0.2")).isEmpty();
    }

    @Test
    void forgetsTheOldestAddressesBeyondItsBound() {
        AuthFailureThrottle throttle = AuthFailureThrottle.perMinute(1, 2);
        throttle.failed("a");
        throttle.failed("b");
        throttle.failed("c");

        assertThat(throttle.blocked("a")).isEmpty();
        assertThat(throttle.blocked("c")).isPresent();
    }

    @Test
    void neverBlocksWhenOff() {
        AuthFailureThrottle throttle = AuthFailureThrottle.off();
        for (int i = 0; i < 100; i++) {
            throttle.failed("a");
        }
        assertThat(throttle.blocked("a")).isEmpty();
    }

    @Test
    void rejectsANonPositiveBudget() {
        assertThatThrownBy(() -> AuthFailureThrottle.perMinute(0, 10)).hasMessageContaining("failures-per-minute >= 1");
    }
}
