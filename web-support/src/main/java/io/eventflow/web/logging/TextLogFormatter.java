package io.eventflow.web.logging;

import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * The plain-text log line ({@code java.util.logging.SimpleFormatter.format}) with {@code trace_id=<id>} after the
 * message whenever the line is written inside a span - while a request, a job attempt or a store is handled - so
 * that a log line about an event leads to its trace.
 */
public class TextLogFormatter extends SimpleFormatter {

    @Override
    public String format(LogRecord record) {
        String traceId = LogContext.get("trace_id") != null ? LogContext.get("trace_id") : TraceIds.current();
        if (traceId == null) {
            return super.format(record);
        }
        String message = formatMessage(record);
        if (message != null && message.contains("trace_id=")) {
            return super.format(record);
        }
        LogRecord traced = new LogRecord(record.getLevel(), message + " trace_id=" + traceId);
        traced.setInstant(record.getInstant());
        traced.setLoggerName(record.getLoggerName());
        traced.setSourceClassName(record.getSourceClassName());
        traced.setSourceMethodName(record.getSourceMethodName());
        traced.setThrown(record.getThrown());
        traced.setLongThreadID(record.getLongThreadID());
        return super.format(traced);
    }
}
