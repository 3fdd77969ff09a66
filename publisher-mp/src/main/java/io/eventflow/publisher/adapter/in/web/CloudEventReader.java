package io.eventflow.publisher.adapter.in.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.publisher.domain.EventOrigin;
import io.eventflow.schemas.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Reads a CloudEvent (1.0, structured or binary HTTP mode) into a publish command: checks its attributes,
 * resolves its type to a schema, and validates its data. The event's {@code source} and {@code id} are its
 * idempotency key, as the spec makes them unique per distinct event; scoped to the API key that sent it, so one
 * client cannot block another's ids.
 */
@ApplicationScoped
class CloudEventReader {

    private static final List<String> ATTRIBUTES = List.of("specversion", "id", "source", "type", "time", "subject",
            "datacontenttype");
    private final EventRequestParser parser;
    private final EventTypeResolver types;

    @Inject
    CloudEventReader(EventRequestParser parser, EventTypeResolver types) {
        this.parser = parser;
        this.types = types;
    }

    /** A structured-mode event: a JSON object with the attributes as members and the event's fields in {@code data}. */
    PublishEventCommand structured(JsonNode event, String correlationId, String client) {
        if (event == null || !event.isObject()) {
            throw new InvalidEventException("Invalid CloudEvent", List.of(new Violation("", "", "must be a JSON object")));
        }
        Map<String, String> values = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (String name : ATTRIBUTES) {
            JsonNode value = event.get(name);
            if (value != null && !value.isNull()) {
                values.put(name, value.isTextual() ? value.asText() : value.toString());
            }
        }
        CloudEventAttributes attributes = new CloudEventAttributes(values, false);
        ATTRIBUTES.stream().filter(name -> event.hasNonNull(name) && !event.get(name).isTextual())
                .forEach(name -> violations.add(attributes.violation(name, "must be a string")));
        if (event.has("data_base64")) {
            violations.add(attributes.violation("data_base64", "is not supported: send the event's fields as JSON in data"));
        }
        return command(attributes, event.get("data"), "/data", violations, correlationId, client);
    }

    /** A binary-mode event: the attributes in {@code ce-*} headers, the event's fields as the JSON body. */
    PublishEventCommand binary(HttpHeaders headers, String body, String correlationId, String client) {
        Map<String, String> values = new HashMap<>();
        for (String name : ATTRIBUTES) {
            String header = name.equals("datacontenttype") ? HttpHeaders.CONTENT_TYPE : "ce-" + name;
            Optional.ofNullable(headers.getHeaderString(header)).ifPresent(value -> values.put(name, value));
        }
        CloudEventAttributes attributes = new CloudEventAttributes(values, true);
        return command(attributes, parser.readJson(body), "", new ArrayList<>(), correlationId, client);
    }

    private PublishEventCommand command(CloudEventAttributes attributes, JsonNode data, String dataPointer,
                                        List<Violation> violations, String correlationId, String client) {
        violations.addAll(0, attributes.violations());
        Optional<String> type = Optional.ofNullable(attributes.get("type")).filter(t -> !t.isEmpty())
                .flatMap(name -> resolve(name, attributes, violations));
        if (type.isEmpty()) {
            throw new InvalidEventException("Invalid CloudEvent", violations);
        }
        EventOrigin origin = new EventOrigin(attributes.get("source"), attributes.get("id"), attributes.get("time"),
                attributes.get("subject"));
        String source = String.valueOf(attributes.get("source"));
        // the source's length first: no source and id can be chosen to read as another pair
        String key = source.length() + ":" + source + attributes.get("id");
        try {
            PublishEventCommand command = parser.command(type.get(), data, dataPointer, correlationId, origin, client,
                    key);
            if (violations.isEmpty()) {
                return command;
            }
        } catch (InvalidEventException e) {
            if (e.status() != 422) {
                throw e;
            }
            violations.addAll(e.violations());
        }
        throw new InvalidEventException("Invalid CloudEvent of type " + type.get(), violations, type.get());
    }

    private Optional<String> resolve(String name, CloudEventAttributes attributes, List<Violation> violations) {
        Optional<String> type = types.resolve(name);
        if (type.isEmpty()) {
            violations.add(attributes.violation("type", types.unknownTypeReason()));
        }
        return type;
    }
}
