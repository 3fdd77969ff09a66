package io.eventflow.publisher.adapter.in.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
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

    @Inject
    EventRequestParser(EventSchemas schemas, ObjectMapper mapper) {
        this.schemas = schemas;
        this.mapper = mapper;
    }

    /** Parses and validates; throws {@link InvalidEventException} naming every offending field. */
    PublishEventCommand parse(String type, String body, String correlationId) {
        JsonNode node = readJson(body);
        List<Violation> violations = schemas.validate(type, node);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("Invalid " + type + " event", violations);
        }
        int version = schemas.latest(type).orElseThrow().version();
        return new PublishEventCommand(type, version, mapper.convertValue(node, OBJECT), correlationId);
    }

    private JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidEventException("Empty body", List.of(new Violation("", "", "must be a JSON object, but the body is empty")));
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
}
