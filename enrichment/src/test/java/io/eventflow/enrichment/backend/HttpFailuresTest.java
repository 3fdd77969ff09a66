package io.eventflow.enrichment.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class HttpFailuresTest {

    private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    void readsRetryAfterSeconds() {
        assertThat(HttpFailures.parseRetryAfter(" 120 ", clock)).contains(Duration.ofSeconds(120));
    }

    @Test
    void readsRetryAfterHttpDate() {
        assertThat(HttpFailures.parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", clock))
                .contains(Duration.ofSeconds(30));
        assertThat(HttpFailures.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void ignoresUnreadableRetryAfter() {
        assertThat(HttpFailures.parseRetryAfter("soon", clock)).isEmpty();
        assertThat(HttpFailures.parseRetryAfter(null, clock)).isEmpty();
        assertThat(HttpFailures.parseRetryAfter("99999999999999", clock)).isEmpty();
    }

    @Test
    void classifiesStatuses() {
        assertThat(HttpFailures.fromStatus(429, "", "1", clock).kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(HttpFailures.fromStatus(502, "", null, clock).retryable()).isTrue();
        assertThat(HttpFailures.fromStatus(408, "", null, clock).retryable()).isTrue();
        assertThat(HttpFailures.fromStatus(403, "", null, clock).kind()).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(HttpFailures.fromStatus(400, "", null, clock).retryable()).isFalse();
    }

    @Test
    void keepsOnlyAnEscapedPrefixOfTheBody() {
        String message = HttpFailures.fromStatus(500, "line1\nline2" + "x".repeat(10_000), null, clock).getMessage();

        assertThat(message).doesNotContain("\n").hasSizeLessThan(LogSafe.MAX_CHARS + 10);
    }
}
