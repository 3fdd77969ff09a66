package io.eventflow.publisher.adapter.out.kafka;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.publisher.domain.EventTypeName;
import io.eventflow.publisher.domain.OutgoingEvent;
import io.eventflow.schemas.EventRecordFormat;
import io.eventflow.schemas.EventRecordFormat.Envelope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Maps an event to its Kafka record: the contract's JSON as value, identity and tracing in headers. The
 * record is also a CloudEvent in the Kafka protocol binding's binary mode ({@code ce_*} headers, the value as
 * its data), so any CloudEvents consumer can read the topic.
 */
final class EventRecordMapper {

    private final EventRecordFormat format;

    EventRecordMapper(ObjectMapper mapper) {
        this.format = new EventRecordFormat(mapper);
    }

    /** The record's value ({@link EventRecordFormat}): the contract's fields inside the envelope. */
    String value(OutgoingEvent event) throws JsonProcessingException {
        return format.write(new Envelope(event.type(), event.eventId(), event.schemaVersion(), event.publishedAt(),
                event.serviceVersion()), event.payload());
    }

    /** The record's headers: Eventflow's own, then the CloudEvents binary-mode attributes. */
    Headers headers(OutgoingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventRecordFormat.HEADER_EVENT_ID, event.eventId().toString());
        add(headers, EventRecordFormat.HEADER_EVENT_TYPE, event.type());
        add(headers, EventRecordFormat.HEADER_SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        add(headers, EventRecordFormat.HEADER_CORRELATION_ID, event.correlationId());
        add(headers, EventRecordFormat.HEADER_CONTENT_TYPE, "application/json");
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
