package io.eventflow.schemas;

import static io.eventflow.schemas.Events.SCHEMAS;
import static io.eventflow.schemas.Events.analytics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampValidationTest {

    private static final List<Violation> BAD_TIMESTAMP = List.of(
            new Violation("timestamp", "/timestamp", "must be an ISO-8601 date-time with a zone offset, "
                    + "e.g. 2024-01-01T12:00:00Z"));

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01T12:00:00Z", "2024-01-01T12:00:00.5Z", "2024-01-01T12:00:00.123456789Z",
            "2024-01-01T14:00:00+02:00", "2024-01-01T14:00:00.250+02:00", "2024-01-01T06:30:00-05:30",
            "2024-02-29T23:59:59Z", "2024-01-01t12:00:00z"})
    void acceptsIsoDateTimeWithZoneThatJavaTimeParses(String timestamp) {
        assertThat(validate(timestamp)).isEmpty();
        assertThatCode(() -> OffsetDateTime.parse(timestamp)).doesNotThrowAnyException();
    }

    @Test
    void rejectsTimestampWithoutZone() {
        assertThat(validate("2024-01-01T12:00:00")).isEqualTo(BAD_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01 12:00:00", "2024-01-01 12:00:00Z"})
    void rejectsTimestampWithSpaceSeparator(String timestamp) {
        assertThat(validate(timestamp)).isEqualTo(BAD_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "", "now", "1704110400"})
    void rejectsTimestampThatIsNoDateTime(String timestamp) {
        assertThat(validate(timestamp)).isEqualTo(BAD_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01", "12:00:00Z", "2024-01-01T12:00Z"})
    void rejectsIncompleteTimestamp(String timestamp) {
        assertThat(validate(timestamp)).isEqualTo(BAD_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01T12:00:00+0200", "2024-01-01T12:00:00+02", "2024-01-01T12:00:00 UTC"})
    void rejectsMalformedOffset(String timestamp) {
        assertThat(validate(timestamp)).isEqualTo(BAD_TIMESTAMP);
    }

    // Passes the pattern, so only an asserted date-time format catches it.
    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T12:00:00Z", "2023-02-29T12:00:00Z", "2024-01-01T25:00:00Z",
            "2024-13-01T12:00:00Z"})
    void rejectsImpossibleCalendarDateOrTime(String timestamp) {
        assertThat(validate(timestamp)).isEqualTo(BAD_TIMESTAMP);
    }

    // RFC 3339 allows a leap second, java.time.OffsetDateTime.parse does not: consumers must be able to parse it.
    @Test
    void rejectsLeapSecond() {
        assertThat(validate("2016-12-31T23:59:60Z")).isEqualTo(BAD_TIMESTAMP);
    }

    // The library's date-time check alone accepts anything after a 'Z'; the schema's pattern rejects it.
    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01T12:00:00Z\n", "2024-01-01T12:00:00Z ", "2024-01-01T12:00:00Zjunk",
            "2024-01-01T12:00:00+02:00\n"})
    void rejectsTrailingCharacters(String timestamp) {
        assertThat(validate(timestamp)).isEqualTo(BAD_TIMESTAMP);
    }

    @Test
    void rejectsEpochNumberAsWrongType() {
        ObjectNode event = analytics().put("timestamp", 1704110400L);

        assertThat(SCHEMAS.validate("user_analytics", event))
                .containsExactly(new Violation("timestamp", "/timestamp", "must be a string, but was number"));
    }

    private static List<Violation> validate(String timestamp) {
        return SCHEMAS.validate("user_analytics", analytics().put("timestamp", timestamp));
    }
}
