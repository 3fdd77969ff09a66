package io.eventflow.publisher.adapter.in.web;

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

/** Turns a request body into a publish command, validating it against the event type's JSON Schema. */
@ApplicationScoped
class EventRequestParser {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private final EventSchemas schemas;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;

    @Inject
    EventRequestParser(EventSchemas schemas, ObjectMapper mapper) {
        this.schemas = schemas;
        this.mapper = mapper;
        // sorted keys: the same event always has the same fingerprint, however its fields were ordered
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Parses and validates; throws {@link InvalidEventException} naming every offending field. */
    PublishEventCommand parse(String type, String body, String correlationId, String idempotencyKey) {
        return command(type, readJson(body), "", correlationId, EventOrigin.publisher(), idempotencyKey);
    }

    /**
     * Validates an event of a known type found at {@code pointer} of the request (empty for the whole body)
     * and builds its command; an idempotency key, if given, is bound to the event's content.
     */
    PublishEventCommand command(String type, JsonNode event, String pointer, String correlationId,
                                EventOrigin origin, String idempotencyKey) {
        List<Violation> violations = schemas.validate(type, event).stream().map(v -> under(pointer, v)).toList();
        if (!violations.isEmpty()) {
            throw new InvalidEventException("Invalid " + type + " event", violations, type);
        }
        int version = schemas.latest(type).orElseThrow().version();
        Map<String, Object> payload = mapper.convertValue(event, OBJECT);
        // unknown extras pass validation (old clients send them) but are not forwarded: see schemas/README.md
        payload.keySet().retainAll(schemas.properties(type));
        IdempotencyKey key = idempotencyKey == null ? null : new IdempotencyKey(idempotencyKey, fingerprint(payload));
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

    private String fingerprint(Map<String, Object> payload) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(payload));
            return HexFormat.of().formatHex(hash);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint a parsed event", e);
        }
    }
}
