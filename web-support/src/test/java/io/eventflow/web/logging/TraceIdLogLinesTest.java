package io.eventflow.web.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A line written inside a trace carries its trace id, in either format; a line outside any trace has none. */
class TraceIdLogLinesTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void linesInsideASpanCarryItsTraceId(boolean json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventflowConsoleHandler handler = new EventflowConsoleHandler(new PrintStream(out, true,
                StandardCharsets.UTF_8), json);
        Logger logger = Logger.getLogger("io.eventflow.test.trace." + json);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        Span span = Span.wrap(SpanContext.create(TRACE_ID, "b7ad6b7169203331", TraceFlags.getSampled(),
                TraceState.getDefault()));
        try (Scope ignored = span.makeCurrent()) {
            logger.info("Stored event event_id=9d707ce3-b934-4906-a9b1-1ecf369af483");
        }
        logger.info("Outside any trace");
        logger.removeHandler(handler);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        if (json) {
            assertThat(lines).hasSize(2);
            ObjectMapper mapper = new ObjectMapper();
            assertThat(mapper.readTree(lines.get(0)).path("trace_id").asText()).isEqualTo(TRACE_ID);
            assertThat(mapper.readTree(lines.get(1)).has("trace_id")).isFalse();
        } else {
            // the line format is the JVM's (SimpleFormatter.format): one or two lines per record
            assertThat(lines).filteredOn(line -> line.contains("Stored event")).singleElement().asString()
                    .contains("Stored event event_id=9d707ce3-b934-4906-a9b1-1ecf369af483 trace_id=" + TRACE_ID);
            assertThat(lines).filteredOn(line -> line.contains("Outside any trace")).singleElement().asString()
                    .doesNotContain("trace_id");
        }
    }
}
