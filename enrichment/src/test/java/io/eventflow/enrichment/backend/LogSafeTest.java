package io.eventflow.enrichment.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void escapesLineBreaksControlAndNonAsciiCharacters() {
        assertThat(LogSafe.escape("a\r\nb\u001b[31m\u202ec\\")).isEqualTo("a\\u000d\\u000ab\\u001b[31m\\u202ec\\\\");
    }

    @Test
    void boundsLength() {
        assertThat(LogSafe.escape("x".repeat(1000))).hasSize(LogSafe.MAX_CHARS + 3).endsWith("...");
        assertThat(LogSafe.escape("x".repeat(LogSafe.MAX_CHARS))).doesNotEndWith("...");
    }

    @Test
    void toleratesNull() {
        assertThat(LogSafe.escape(null)).isEqualTo("null");
    }
}
