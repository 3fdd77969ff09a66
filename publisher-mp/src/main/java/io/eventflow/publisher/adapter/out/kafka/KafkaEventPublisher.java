package io.eventflow.publisher.adapter.out.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.kafka.TraceHeaders;
import io.eventflow.publisher.application.port.out.EventRefusedException;
import io.eventflow.publisher.application.port.out.PublishEventPort;
import io.eventflow.publisher.application.port.out.PublishFailedException;
import io.eventflow.publisher.domain.OutgoingEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Publishes events to Kafka (topic {@code eventflow.topic}, producer settings {@code eventflow.kafka.producer.*}).
 * The returned stage completes only when the broker acknowledged the record (acks=all), and always within
 * {@code eventflow.publish.timeout-ms}. What is in flight is bounded by {@code eventflow.publish.max-in-flight}
 * records and {@code eventflow.publish.max-in-flight-bytes} bytes.
 */
@ApplicationScoped
class KafkaEventPublisher implements PublishEventPort {

    private static final String PRODUCER_PREFIX = "eventflow.kafka.producer.";
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private final KafkaRecordSender sender;
    private final EventRecordMapper recordMapper;
    private final String topic;
    private final long sendTimeoutNanos;
    private final Tracer tracer;
    private final TraceHeaders traceHeaders;

    @Inject
    KafkaEventPublisher(Config config, ObjectMapper mapper, MetricRegistry metrics, OpenTelemetry openTelemetry) {
        Map<String, Object> producerConfig = producerProperties(config);
        int maxRecordBytes = Integer.parseInt(String.valueOf(producerConfig.getOrDefault(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE)));
        AtomicInteger generation = new AtomicInteger();
        Counter outages = metrics.counter("publish_broker_outages");
        Counter failures = metrics.counter("publish_broker_failures");
        InFlightBudget budget = new InFlightBudget(config.getValue("eventflow.publish.max-in-flight", Integer.class),
                config.getOptionalValue("eventflow.publish.max-in-flight-bytes", Integer.class).orElse(32 << 20));
        this.sender = new KafkaRecordSender(() -> producer(producerConfig, generation.incrementAndGet()), budget,
                new BrokerOutage(outages::inc, failures::inc), maxRecordBytes,
                Duration.ofMillis(config.getValue("eventflow.publish.rebuild-interval-ms", Long.class)));
        metrics.gauge("publish_in_flight_records", budget, InFlightBudget::records);
        metrics.gauge("publish_in_flight_bytes", budget, InFlightBudget::bytes);
        this.recordMapper = new EventRecordMapper(mapper);
        this.topic = config.getValue("eventflow.topic", String.class);
        this.sendTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.getValue("eventflow.publish.timeout-ms",
                Long.class));
        this.tracer = openTelemetry.getTracer("io.eventflow.publisher");
        this.traceHeaders = new TraceHeaders(openTelemetry);
    }

    /** False while publishes fail because of the broker (from the first failure to the next success). */
    boolean publishing() {
        return !sender.brokerFailing();
    }

    /**
     * Sends the event in a span {@code <topic> publish}, a child of the request's span, whose context travels in the
     * record's headers; the span ends when the broker has answered (or the time is up).
     */
    @Override
    public CompletionStage<Void> publish(OutgoingEvent event) {
        long deadline = System.nanoTime() + sendTimeoutNanos;
        Span span = tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("eventflow.event_id", event.eventId().toString())
                .setAttribute("eventflow.event_type", event.type())
                .startSpan();
        ProducerRecord<byte[], byte[]> record;
        try {
            Headers headers = recordMapper.headers(event);
            traceHeaders.inject(Context.current().with(span), headers);
            record = new ProducerRecord<>(topic, null, event.key() == null ? null
                    : event.key().getBytes(StandardCharsets.UTF_8),
                    recordMapper.value(event).getBytes(StandardCharsets.UTF_8), headers);
        } catch (JsonProcessingException e) {
            end(span, e);
            return CompletableFuture.failedFuture(new EventRefusedException("The event could not be written as JSON",
                    false, e));
        }
        return sender.send(record, deadline)
                .orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof EventRefusedException || e instanceof PublishFailedException ? e
                                : e instanceof TimeoutException
                                        ? new PublishFailedException("Kafka did not acknowledge the event in time", e)
                                        : new PublishFailedException("Kafka did not take the event", e)))
                .whenComplete((ok, failure) -> end(span, failure));
    }

    private static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    /** Creates the producer and fetches the topic's metadata at start, without waiting for the broker. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        sender.start(topic, 30);
    }

    @PreDestroy
    void close() {
        sender.close();
    }

    private Producer<byte[], byte[]> producer(Map<String, Object> config, int generation) {
        Map<String, Object> withId = new HashMap<>(config);
        // one name per producer: its network thread is "kafka-producer-network-thread | <client.id>"
        withId.put(ProducerConfig.CLIENT_ID_CONFIG, "eventflow-publisher-" + generation);
        return new KafkaProducer<>(withId, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> producerProperties(Config config) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers",
                String.class));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PRODUCER_PREFIX)) {
                properties.put(name.substring(PRODUCER_PREFIX.length()), config.getValue(name, String.class));
            }
        }
        return properties;
    }
}
