package io.eventflow.web.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON object per log line, for log shippers: {@code time} (ISO-8601 UTC), {@code level}, {@code logger},
 * {@code thread}, {@code message}, and - when known - {@code event_id}, {@code correlation_id}, {@code trace_id}
 * and {@code exception} (its stack trace). The ids come from {@link LogContext}, else from {@code name=value}
 * pairs in the message (the services already write {@code correlation_id=...} and {@code event_id=...}); the
 * trace id, else from the span current on the logging thread.
 * Select it with {@link EventflowConsoleHandler} and {@code EVENTFLOW_LOG_FORMAT=json}, or as the
 * {@code formatter} of any JUL handler in {@code logging.properties}.
 */
public class JsonLogFormatter extends Formatter {

    private static final List<String> IDS = List.of("event_id", "correlation_id", "trace_id");
    private static final Map<String, Pattern> IN_MESSAGE = Map.of(
            "event_id", pattern("event_id"), "correlation_id", pattern("correlation_id"),
            "trace_id", pattern("trace_id"));

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
        fields.put("level", record.getLevel().getName());
        fields.put("logger", record.getLoggerName());
        fields.put("thread", Thread.currentThread().getName());
        fields.put("message", message);
        for (String id : IDS) {
            String value = LogContext.get(id);
            if (value == null && message != null) {
                Matcher m = IN_MESSAGE.get(id).matcher(message);
                value = m.find() ? m.group(1) : null;
            }
            if (value == null && "trace_id".equals(id)) {
                value = TraceIds.current();
            }
            if (value != null) {
                fields.put(id, value);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            fields.put("exception", trace.toString());
        }
        StringBuilder line = new StringBuilder(128).append('{');
        fields.forEach((name, value) -> {
            if (line.length() > 1) {
                line.append(',');
            }
            quote(line, name).append(':');
            if (value == null) {
                line.append("null");
            } else {
                quote(line, value);
            }
        });
        return line.append("}\n").toString();
    }

    // a value ends at white space, a comma, a quote or a closing bracket: ids never hold those
    private static Pattern pattern(String name) {
        return Pattern.compile("\\b" + name + "=([^\\s,;\"')\\]]+)");
    }

    /** Appends {@code text} as a JSON string: quotes, backslashes and every control character escaped. */
    static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
