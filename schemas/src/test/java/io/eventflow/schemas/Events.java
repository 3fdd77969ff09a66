package io.eventflow.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test fixtures: the bundled schemas, loaded once, and the contract's example events as fresh mutable trees. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();

    static final EventSchemas SCHEMAS = EventSchemas.load();

    private Events() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode analytics() {
        return (ObjectNode) json("""
                {"user_id": "user-123", "event_type": "page_view", "timestamp": "2024-01-01T12:00:00Z",
                 "metadata": {"page": "/home", "referrer": "google"}}
                """);
    }

    static ObjectNode chemical() {
        return (ObjectNode) json("""
                {"molecule_id": "mol-42", "researcher": "Dr. Smith", "data": {"formula": "H2O"},
                 "timestamp": "2024-01-01T12:00:00Z"}
                """);
    }
}
