package io.eventflow.subscriber.adapter.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** Runs work in a span the caller started: current while it runs, a failure recorded on it, ended either way. */
public final class Spans {

    private Spans() {
    }

    /** Runs {@code work} with {@code span} current and ends the span; a failure is recorded on it and thrown on. */
    public static void run(Span span, Runnable work) {
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
