package io.eventflow.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client values in log lines cannot start a new line or hide characters. */
class LogSafeTest {

    @Test
    void escapesLineBreaksAndOtherControlCharacters() {
        String forged = "/api/v1/events/x\nINFO: method=POST path=/admin status=200\r\u0000\u001b[31m\u0085\u2028";

        String safe = LogSafe.escape(forged);

        assertThat(safe).doesNotContain("\n", "\r", "\u0000", "\u001b", "\u0085", "\u2028")
                .contains("\\u000a").contains("\\u000d").contains("\\u0000").contains("\\u001b")
                .startsWith("/api/v1/events/x\\u000aINFO: method=POST");
    }

    @Test
    void escapesTheBackslashSoAnEscapeCannotBeFaked() {
        assertThat(LogSafe.escape("a\\u000ab")).isEqualTo("a\\\\u000ab");
    }

    @Test
    void leavesOrdinaryTextAloneAndCutsLongValues() {
        assertThat(LogSafe.escape("/api/v1/events/user/Dr. Smith ü")).isEqualTo("/api/v1/events/user/Dr. Smith ü");
        assertThat(LogSafe.escape("x".repeat(5000))).hasSize(LogSafe.MAX_LENGTH + "...(5000 chars)".length())
                .endsWith("...(5000 chars)");
        assertThat(LogSafe.escape(null)).isEqualTo("null");
    }
}
