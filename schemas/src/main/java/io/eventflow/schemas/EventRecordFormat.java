package io.eventflow.schemas;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Kafka record of an event, defined once for the publisher that writes it and the subscriber that reads it:
 * the header names, and the value - the contract's JSON fields with the envelope the publisher adds around them
 * ({@code type}, {@code event_id}, {@code schema_version}, {@code published_at}, {@code service_version}; the
 * envelope wins over a contract field of the same name).
 */
public final class EventRecordFormat {

    /** Header: the event id. */
    public static final String HEADER_EVENT_ID = "event-id";
    /** Header: the event type. */
    public static final String HEADER_EVENT_TYPE = "event-type";
    /** Header: the contract version the event was validated against. */
    public static final String HEADER_SCHEMA_VERSION = "schema-version";
    /** Header: the request's correlation id. */
    public static final String HEADER_CORRELATION_ID = "correlation-id";
    /** Header: the value's media type. */
    public static final String HEADER_CONTENT_TYPE = "content-type";

    /** Value field: the event type. */
    public static final String FIELD_TYPE = "type";
    /** Value field: the event id. */
    public static final String FIELD_EVENT_ID = "event_id";
    static final String SCHEMA_VERSION = "schema_version";
    static final String PUBLISHED_AT = "published_at";
    static final String SERVICE_VERSION = "service_version";
    private static final Set<String> ENVELOPE = Set.of(FIELD_TYPE, FIELD_EVENT_ID, SCHEMA_VERSION, PUBLISHED_AT,
            SERVICE_VERSION);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    /**
     * What the publisher adds around the contract's fields.
     *
     * @param type           the event type
     * @param eventId        the event id
     * @param schemaVersion  the contract version
     * @param publishedAt    when the publisher accepted it, or null when a record lacks it
     * @param serviceVersion the publisher's version, or null when a record lacks it
     */
    public record Envelope(String type, UUID eventId, int schemaVersion, Instant publishedAt, String serviceVersion) {

        /** Requires the type and the event id. */
        public Envelope {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /**
     * A record's value, read.
     *
     * @param envelope the envelope
     * @param value    the whole value, envelope included, as JSON (what the contract's schema validates)
     * @param fields   the contract's fields alone
     */
    public record Read(Envelope envelope, JsonNode value, Map<String, Object> fields) {
    }

    /** A record whose value is not an event's: says why. */
    public static final class MalformedRecordException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedRecordException(String reason) {
            super(reason);
        }
    }

    private final ObjectMapper mapper;

    /** Reads and writes with the given mapper. */
    public EventRecordFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The record's value: {@code {"type":..., <contract fields>, "event_id", "schema_version", ...}}. */
    public String write(Envelope envelope, Map<String, Object> fields) throws JsonProcessingException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put(FIELD_TYPE, envelope.type());
        value.putAll(fields);
        value.put(FIELD_TYPE, envelope.type());
        value.put(FIELD_EVENT_ID, envelope.eventId().toString());
        value.put(SCHEMA_VERSION, envelope.schemaVersion());
        if (envelope.publishedAt() != null) {
            value.put(PUBLISHED_AT, envelope.publishedAt().toString());
        }
        if (envelope.serviceVersion() != null) {
            value.put(SERVICE_VERSION, envelope.serviceVersion());
        }
        return mapper.writeValueAsString(value);
    }

    /** The record's value read back; throws {@link MalformedRecordException} saying why when it is no event. */
    public Read read(String value) {
        return read(parse(value));
    }

    /** A value {@link #parse parsed} already, read; throws {@link MalformedRecordException} when it is no event. */
    public Read read(JsonNode node) {
        String type = type(node);
        if (type == null) {
            throw new MalformedRecordException("record value has no type");
        }
        Envelope envelope = new Envelope(type, eventId(node), node.path(SCHEMA_VERSION).asInt(1),
                publishedAt(node), node.path(SERVICE_VERSION).asText(null));
        Map<String, Object> fields = mapper.convertValue(node, OBJECT);
        fields.keySet().removeAll(ENVELOPE);
        return new Read(envelope, node, fields);
    }

    /** The event type a parsed value names, or null. */
    public static String type(JsonNode node) {
        return node.path(FIELD_TYPE).asText(null);
    }

    /** The value as a JSON object; throws {@link MalformedRecordException} when it is empty, not JSON or no object. */
    public JsonNode parse(String value) {
        if (value == null) {
            throw new MalformedRecordException("empty record value");
        }
        try {
            JsonNode node = mapper.readTree(value);
            if (node == null || !node.isObject()) {
                throw new MalformedRecordException("record value is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("record value is not JSON: " + e.getOriginalMessage());
        }
    }

    private static UUID eventId(JsonNode node) {
        try {
            return UUID.fromString(node.path(FIELD_EVENT_ID).asText(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("missing or malformed event_id");
        }
    }

    private static Instant publishedAt(JsonNode node) {
        String text = node.path(PUBLISHED_AT).asText(null);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
