package io.eventflow.publisher.adapter.out.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.publisher.domain.EventTypeName;
import io.eventflow.publisher.domain.OutgoingEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Maps an event to its Kafka record: the contract's JSON as value, identity and tracing in headers. The
 * record is also a CloudEvent in the Kafka protocol binding's binary mode ({@code ce_*} headers, the value as
 * its data), so any CloudEvents consumer can read the topic.
 */
final class EventRecordMapper {

    static final String HEADER_EVENT_ID = "event-id";
    static final String HEADER_EVENT_TYPE = "event-type";
    static final String HEADER_SCHEMA_VERSION = "schema-version";
    static final String HEADER_CORRELATION_ID = "correlation-id";
    static final String HEADER_CONTENT_TYPE = "content-type";

    private final ObjectMapper mapper;

    EventRecordMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The record's value: {@code {"type":..., <contract fields>, "event_id", "published_at", ...}}. */
    String value(OutgoingEvent event) throws JsonProcessingException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", event.type());
        value.putAll(event.payload());
        // the envelope is ours: a payload field of the same name must not replace it
        value.put("type", event.type());
        value.put("event_id", event.eventId().toString());
        value.put("schema_version", event.schemaVersion());
        value.put("published_at", event.publishedAt().toString());
        value.put("service_version", event.serviceVersion());
        return mapper.writeValueAsString(value);
    }

    /** The record's headers: Eventflow's own, then the CloudEvents binary-mode attributes. */
    Headers headers(OutgoingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, HEADER_EVENT_ID, event.eventId().toString());
        add(headers, HEADER_EVENT_TYPE, event.type());
        add(headers, HEADER_SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        add(headers, HEADER_CORRELATION_ID, event.correlationId());
        add(headers, HEADER_CONTENT_TYPE, "application/json");
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", event.cloudEventId());
        add(headers, "ce_source", event.origin().source());
        add(headers, "ce_type", EventTypeName.cloudEventType(event.type(), event.schemaVersion()));
        add(headers, "ce_time", event.cloudEventTime());
        add(headers, "ce_subject", event.origin().subject());
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
