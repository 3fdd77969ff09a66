package io.eventflow.enrichment.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Turns an HTTP error status (and its Retry-After header) into the matching {@link BackendException}. */
public final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * The failure for a non-2xx answer.
     *
     * @param body       the error body, untrusted: only an escaped prefix is kept
     * @param retryAfter the raw Retry-After header, or null
     */
    public static BackendException fromStatus(int status, String body, String retryAfter, Clock clock) {
        String message = "HTTP " + status + ": " + LogSafe.escape(body);
        if (status == 429) {
            return new TransientBackendException(FailureKind.RATE_LIMITED, message,
                    parseRetryAfter(retryAfter, clock).orElse(null), null);
        }
        if (status >= 500 || status == 408) {
            return new TransientBackendException(FailureKind.SERVER_ERROR, message,
                    parseRetryAfter(retryAfter, clock).orElse(null), null);
        }
        if (status == 401 || status == 403) {
            return new PermanentBackendException(FailureKind.UNAUTHORIZED, message);
        }
        return new PermanentBackendException(FailureKind.CLIENT_ERROR, message);
    }

    /** Reads Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3); empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(clock.instant(), at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
