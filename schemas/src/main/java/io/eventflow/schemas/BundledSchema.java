package io.eventflow.schemas;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/** A loaded schema: its descriptor, its raw text and the compiled validator with its message mapping. */
record BundledSchema(SchemaDescriptor descriptor, String document, JsonSchema validator, ViolationMapper violations) {

    private static final Violation NOT_AN_OBJECT = new Violation("", "", "must be a JSON object");

    /** Validates an event; a root that is not an object is one violation rather than one per keyword. */
    List<Violation> validate(JsonNode event) {
        if (event == null || !event.isObject()) {
            return List.of(NOT_AN_OBJECT);
        }
        return violations.map(validator.validate(event));
    }

    /** The names of the top-level properties the schema defines, in document order. */
    Set<String> properties() {
        Set<String> names = new LinkedHashSet<>();
        validator.getSchemaNode().path("properties").fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }
}
