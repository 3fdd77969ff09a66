package io.eventflow.web.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The trace id of the span current on this thread, for log lines: the request's, the job's, the store's. */
final class TraceIds {

    private TraceIds() {
    }

    /** The current span's trace id (32 hex digits), or null outside a valid span. */
    static String current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
