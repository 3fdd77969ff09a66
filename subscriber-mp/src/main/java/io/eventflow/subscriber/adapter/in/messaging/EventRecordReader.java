package io.eventflow.subscriber.adapter.in.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.jobs.domain.ReceivedEvent;
import io.eventflow.schemas.EventSchemas;
import io.eventflow.schemas.Violation;

/** Reads a Kafka record's value into an event, or says exactly why it is poison. */
public final class EventRecordReader {

    /** Fields the publisher adds around the contract's fields. */
    private static final Set<String> ENVELOPE = Set.of("type", "event_id", "schema_version", "published_at",
            "service_version");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final ObjectMapper mapper;
    private final EventSchemas schemas;

    /** Creates the reader on the given mapper and schemas. */
    public EventRecordReader(ObjectMapper mapper, EventSchemas schemas) {
        this.mapper = mapper;
        this.schemas = schemas;
    }

    /** The event in the record; throws {@link PoisonRecordException} with the reason when there is none. */
    public ReceivedEvent read(String key, String value) {
        JsonNode node = parse(value);
        String type = node.path("type").asText(null);
        if (type == null || !schemas.isKnownType(type)) {
            throw new PoisonRecordException("unknown event type '" + type + "'");
        }
        UUID eventId = eventId(node);
        List<Violation> violations = schemas.validate(type, node);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("invalid " + type + " event: " + violations.stream()
                    .map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")));
        }
        Map<String, Object> payload = mapper.convertValue(node, OBJECT);
        payload.keySet().removeAll(ENVELOPE);
        return new ReceivedEvent(eventId, type, key, payload);
    }

    private JsonNode parse(String value) {
        if (value == null) {
            throw new PoisonRecordException("empty record value");
        }
        try {
            JsonNode node = mapper.readTree(value);
            if (node == null || !node.isObject()) {
                throw new PoisonRecordException("record value is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("record value is not JSON: " + e.getOriginalMessage());
        }
    }

    private static UUID eventId(JsonNode node) {
        try {
            return UUID.fromString(node.path("event_id").asText(""));
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("missing or malformed event_id");
        }
    }
}
