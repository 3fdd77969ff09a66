package io.eventflow.publisher.adapter.in.web;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventflow.publisher.application.port.in.IdempotencyKey;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.publisher.domain.EventOrigin;
import io.eventflow.schemas.EventSchemas;
import io.eventflow.schemas.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a request body into a publish command, validating it against the event type's JSON Schema (which also
 * refuses text the database cannot store) and against the size one event may have,
 * {@code eventflow.publish.max-event-bytes}.
 */
@ApplicationScoped
class EventRequestParser {

    /** The configuration key of the largest event, in bytes of its JSON. */
    static final String MAX_EVENT_BYTES = "eventflow.publish.max-event-bytes";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private final EventSchemas schemas;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final int maxEventBytes;

    @Inject
    EventRequestParser(EventSchemas schemas, ObjectMapper mapper,
                       @ConfigProperty(name = MAX_EVENT_BYTES, defaultValue = "262144") int maxEventBytes) {
        this.schemas = schemas;
        this.mapper = mapper;
        this.maxEventBytes = maxEventBytes;
        // sorted keys: the same event always has the same fingerprint, however its fields were ordered
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Parses and validates; throws {@link InvalidEventException} naming every offending field. */
    PublishEventCommand parse(String type, String body, String correlationId, String client, String idempotencyKey) {
        return command(type, readJson(body), "", correlationId, EventOrigin.publisher(), client, idempotencyKey);
    }

    /**
     * Validates an event of a known type found at {@code pointer} of the request (empty for the whole body)
     * and builds its command; an idempotency key, if given, is bound to the event's content and scoped to the
     * {@code client} (the API key's name; null when keys are off). An event over the size limit is a 413.
     */
    PublishEventCommand command(String type, JsonNode event, String pointer, String correlationId,
                                EventOrigin origin, String client, String idempotencyKey) {
        long size = sizeOf(event);
        if (size > maxEventBytes) {
            throw new InvalidEventException(413, "Event too large", List.of(new Violation(
                    pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.'), pointer,
                    "is " + size + " bytes of JSON; one event may be at most " + maxEventBytes + " bytes ("
                            + MAX_EVENT_BYTES + "). Send smaller events; a batch may carry many.")), type);
        }
        List<Violation> violations = schemas.validate(type, event).stream().map(v -> under(pointer, v)).toList();
        if (!violations.isEmpty()) {
            throw new InvalidEventException("Invalid " + type + " event", violations, type);
        }
        int version = schemas.latest(type).orElseThrow().version();
        Map<String, Object> payload = mapper.convertValue(event, OBJECT);
        // unknown extras pass validation (old clients send them) but are not forwarded: see schemas/README.md
        payload.keySet().retainAll(schemas.properties(type));
        IdempotencyKey key = idempotencyKey == null ? null
                : new IdempotencyKey(client, idempotencyKey, fingerprint(payload));
        return new PublishEventCommand(type, version, payload, correlationId, origin, key);
    }

    /** Reads a body as JSON; throws {@link InvalidEventException} when it is empty or not JSON. */
    JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidEventException("Empty body", List.of(new Violation("", "", "must be JSON, but the body is empty")));
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new InvalidEventException("Malformed JSON",
                    List.of(new Violation("", "", "is not valid JSON" + where + ": " + e.getOriginalMessage())));
        }
    }

    /** A violation of an event nested at {@code pointer} (e.g. {@code /data}, {@code /3}), located in the request. */
    static Violation under(String pointer, Violation violation) {
        if (pointer.isEmpty()) {
            return violation;
        }
        String prefix = pointer.substring(1).replace('/', '.');
        String field = violation.field().isEmpty() ? prefix : prefix + "." + violation.field();
        return new Violation(field, pointer + violation.pointer(), violation.reason());
    }

    private long sizeOf(JsonNode event) {
        if (event == null) {
            return 0;
        }
        CountingStream counter = new CountingStream();
        try {
            mapper.writeValue(counter, event);
        } catch (IOException e) {
            throw new IllegalStateException("Could not measure a parsed event", e);
        }
        return counter.count;
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    private String fingerprint(Map<String, Object> payload) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(payload));
            return HexFormat.of().formatHex(hash);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint a parsed event", e);
        }
    }
}
