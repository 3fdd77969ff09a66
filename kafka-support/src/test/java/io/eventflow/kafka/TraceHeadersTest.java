package io.eventflow.kafka;

import java.nio.charset.StandardCharsets;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace context goes into a record's headers as W3C traceparent and comes back out the same. */
class TraceHeadersTest {

    private static final SpanContext SENT = SpanContext.create("0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault());
    private final TraceHeaders headers = new TraceHeaders(OpenTelemetry.propagating(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance())));

    @Test
    void writesTraceparentAndReadsTheSameContextBack() {
        RecordHeaders record = new RecordHeaders();
        record.add("event-id", "e-1".getBytes(StandardCharsets.UTF_8));

        headers.inject(Context.root().with(Span.wrap(SENT)), record);

        assertThat(TraceHeaders.traceParent(record))
                .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        SpanContext read = Span.fromContext(headers.extract(record)).getSpanContext();
        assertThat(read.getTraceId()).isEqualTo(SENT.getTraceId());
        assertThat(read.getSpanId()).isEqualTo(SENT.getSpanId());
        assertThat(read.isRemote()).isTrue();
    }

    @Test
    void aSecondInjectReplacesTheFirstSoARedrivenRecordCarriesOneContext() {
        RecordHeaders record = new RecordHeaders();
        headers.inject(Context.root().with(Span.wrap(SENT)), record);
        SpanContext later = SpanContext.create("1bf7651916cd43dd8448eb211c80319d", "c7ad6b7169203332",
                TraceFlags.getSampled(), TraceState.getDefault());

        headers.inject(Context.root().with(Span.wrap(later)), record);

        assertThat(record.headers("traceparent")).hasSize(1);
        assertThat(Span.fromContext(headers.extract(record)).getSpanContext().getTraceId())
                .isEqualTo(later.getTraceId());
    }

    @Test
    void aRecordWithoutTraceHeadersYieldsNoSpan() {
        RecordHeaders record = new RecordHeaders();

        assertThat(TraceHeaders.traceParent(record)).isNull();
        assertThat(Span.fromContext(headers.extract(record)).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(headers.extract(null)).getSpanContext().isValid()).isFalse();
    }
}
