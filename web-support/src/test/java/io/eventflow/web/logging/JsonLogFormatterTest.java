package io.eventflow.web.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON log lines parse one by one, carry the ids, and stay one line whatever the message holds. */
class JsonLogFormatterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesOneParsableJsonObjectPerLineWithTheIdsOfTheContext() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventflowConsoleHandler handler = new EventflowConsoleHandler(new PrintStream(out, true,
                StandardCharsets.UTF_8), true);
        Logger logger = Logger.getLogger("io.eventflow.test.json");
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try (LogContext.Scope scope = LogContext.with("event_id", "9d707ce3-b934-4906-a9b1-1ecf369af483",
                "correlation_id", "corr-1", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")) {
            logger.info("Stored event");
            logger.log(Level.WARNING, "Line one\nline \"two\"\t\u0001 {0}", "param");
        }
        logger.log(Level.SEVERE, "Request failed: method=GET correlation_id=abc-123 status=500",
                new IllegalStateException("boom"));
        logger.removeHandler(handler);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        List<JsonNode> parsed = lines.stream().map(JsonLogFormatterTest::parse).toList();
        assertThat(parsed.get(0).get("message").asText()).isEqualTo("Stored event");
        assertThat(parsed.get(0).get("level").asText()).isEqualTo("INFO");
        assertThat(parsed.get(0).get("logger").asText()).isEqualTo("io.eventflow.test.json");
        assertThat(parsed.get(0).get("event_id").asText()).isEqualTo("9d707ce3-b934-4906-a9b1-1ecf369af483");
        assertThat(parsed.get(0).get("correlation_id").asText()).isEqualTo("corr-1");
        assertThat(parsed.get(0).get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parsed.get(0).get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(parsed.get(1).get("message").asText()).isEqualTo("Line one\nline \"two\"\t\u0001 param");
        assertThat(parsed.get(2).get("correlation_id").asText()).isEqualTo("abc-123");
        assertThat(parsed.get(2).get("event_id")).isNull();
        assertThat(parsed.get(2).get("exception").asText()).startsWith("java.lang.IllegalStateException: boom");
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    @Test
    void staysPlainTextUnlessJsonIsAskedFor() {
        assertThat(EventflowConsoleHandler.json("json")).isTrue();
        assertThat(EventflowConsoleHandler.json(" JSON ")).isTrue();
        assertThat(EventflowConsoleHandler.json("text")).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventflowConsoleHandler handler = new EventflowConsoleHandler(new PrintStream(out, true,
                StandardCharsets.UTF_8), false);
        handler.publish(new LogRecord(Level.INFO, "plain words"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plain words").doesNotStartWith("{");
    }
}
