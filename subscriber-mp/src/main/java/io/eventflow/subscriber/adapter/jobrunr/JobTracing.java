package io.eventflow.subscriber.adapter.jobrunr;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.eventflow.subscriber.adapter.tracing.Spans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Puts processing jobs into the trace of their events. A job carries the W3C {@code traceparent} of the span that
 * scheduled it ({@link #traceParent}); each attempt runs in a span {@code process <type>} that is that span's child,
 * with the attempt number, so retries and re-queues of one event show up in one trace.
 */
public final class JobTracing {

    /** The attribute holding the attempt number: 1 for the first run, counting every failed run before it. */
    public static final String ATTEMPT = "eventflow.job.attempt";
    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    /** Creates spans with {@code openTelemetry}'s tracer. */
    public JobTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.eventflow.processing");
    }

    /** The W3C {@code traceparent} of the context's span, or null when the context has no valid span. */
    public static String traceParent(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs {@code work} in the span of the job's attempt; a failure is recorded on the span and thrown on. */
    public void inJobSpan(ProcessEventJobRequest request, UUID jobId, int attempt, Runnable work) {
        Context parent = request.traceParent() == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(),
                        Map.of(TRACEPARENT, request.traceParent()), MAP);
        Span span = tracer.spanBuilder("process " + request.type())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("eventflow.event_id", String.valueOf(request.eventId()))
                .setAttribute("eventflow.event_type", request.type())
                .setAttribute("jobrunr.job_id", String.valueOf(jobId))
                .setAttribute(ATTEMPT, attempt)
                .startSpan();
        Spans.run(span, work);
    }
}
