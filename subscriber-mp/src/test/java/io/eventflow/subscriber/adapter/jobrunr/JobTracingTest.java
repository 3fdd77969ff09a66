package io.eventflow.subscriber.adapter.jobrunr;

import java.util.List;
import java.util.UUID;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every attempt of a job is a span of the trace the job was scheduled in, numbered, failures recorded. */
class JobTracingTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String SCHEDULING_SPAN = "b7ad6b7169203331";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final JobTracing tracing = new JobTracing(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build());

    @Test
    void eachAttemptIsAChildOfTheSpanThatScheduledTheJob() {
        ProcessEventJobRequest request = request("00-" + TRACE_ID + "-" + SCHEDULING_SPAN + "-01");
        UUID jobId = UUID.randomUUID();
        String[] inside = new String[1];

        tracing.inJobSpan(request, jobId, 1, () -> inside[0] = Span.current().getSpanContext().getTraceId());
        assertThatThrownBy(() -> tracing.inJobSpan(request, jobId, 2, () -> {
            throw new IllegalStateException("enrichment down");
        })).hasMessage("enrichment down");

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).hasSize(2).allSatisfy(span -> {
            assertThat(span.getName()).isEqualTo("process user_analytics");
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(span.getParentSpanId()).isEqualTo(SCHEDULING_SPAN);
            assertThat(span.getAttributes().get(AttributeKey.stringKey("jobrunr.job_id"))).isEqualTo(jobId.toString());
            assertThat(span.getAttributes().get(AttributeKey.stringKey("eventflow.event_id")))
                    .isEqualTo(request.eventId().toString());
        });
        assertThat(inside[0]).as("the work runs inside the span").isEqualTo(TRACE_ID);
        assertThat(spans).extracting(span -> span.getAttributes().get(AttributeKey.longKey(JobTracing.ATTEMPT)))
                .containsExactly(1L, 2L);
        assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(spans.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(spans.get(1).getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
    }

    @Test
    void aJobWithoutTraceStartsATraceOfItsOwn() {
        tracing.inJobSpan(request(null), UUID.randomUUID(), 1, () -> { });

        SpanData span = exporter.getFinishedSpanItems().getFirst();
        assertThat(span.getSpanContext().isValid()).isTrue();
        assertThat(span.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void traceParentWritesTheContextsSpanAndNothingOutsideASpan() {
        Context context = Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, SCHEDULING_SPAN,
                TraceFlags.getSampled(), TraceState.getDefault())));

        assertThat(JobTracing.traceParent(context)).isEqualTo("00-" + TRACE_ID + "-" + SCHEDULING_SPAN + "-01");
        assertThat(JobTracing.traceParent(Context.root())).isNull();
    }

    private static ProcessEventJobRequest request(String traceParent) {
        return new ProcessEventJobRequest(UUID.randomUUID(), "user_analytics", "user-1", "{}", traceParent);
    }
}
