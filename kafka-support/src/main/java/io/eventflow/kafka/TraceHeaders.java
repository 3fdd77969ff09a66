package io.eventflow.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the trace context in a Kafka record's headers - W3C {@code traceparent} (and {@code baggage}) with the
 * default propagators - so that the consume span continues the trace of the HTTP request that published the record.
 * A header of the same name already on the record is replaced, so a redriven record carries one context.
 */
public final class TraceHeaders {

    private static final TextMapSetter<Headers> SETTER = (headers, name, value) -> {
        if (headers != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> names = new ArrayList<>();
            headers.forEach(header -> names.add(header.key()));
            return names;
        }

        @Override
        public String get(Headers headers, String name) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final String TRACEPARENT = "traceparent";

    private final OpenTelemetry openTelemetry;

    /** Uses the propagators of {@code openTelemetry} (tracecontext and baggage unless configured otherwise). */
    public TraceHeaders(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    /** Writes {@code context} into {@code headers}. */
    public void inject(Context context, Headers headers) {
        openTelemetry.getPropagators().getTextMapPropagator().inject(context, headers, SETTER);
    }

    /** The record's W3C {@code traceparent} header as it is, or null. */
    public static String traceParent(Headers headers) {
        return GETTER.get(headers, TRACEPARENT);
    }

    /** The context the headers carry, as a child of the root context (none: the root context). */
    public Context extract(Headers headers) {
        if (headers == null) {
            return Context.root();
        }
        return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, GETTER);
    }
}
