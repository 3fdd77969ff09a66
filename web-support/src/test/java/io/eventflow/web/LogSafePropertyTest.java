package io.eventflow.web;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** For any string, what {@link LogSafe} writes is one line without control characters (jqwik, 1,000 tries each). */
class LogSafePropertyTest {

    @Property(tries = 1000)
    void neverWritesAControlCharacter(@ForAll @StringLength(max = 2000) String value) {
        String safe = LogSafe.escape(value);

        assertThat(safe.chars()).noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                || c == 0x2028 || c == 0x2029);
        assertThat(safe.length()).isLessThanOrEqualTo(LogSafe.MAX_LENGTH * 6 + 32);
    }

    @Property(tries = 1000)
    void leavesPrintableAsciiWithoutBackslashUnchanged(
            @ForAll @StringLength(max = LogSafe.MAX_LENGTH) String value) {
        String printable = value.chars().filter(c -> c >= 0x20 && c < 0x7f && c != '\\')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(LogSafe.escape(printable)).isEqualTo(printable);
    }
}
