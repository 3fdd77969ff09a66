package io.eventflow.schemas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/** A loaded schema: its descriptor, its raw text and the compiled validator with its message mapping. */
record BundledSchema(SchemaDescriptor descriptor, String document, JsonSchema validator, ViolationMapper violations) {

    private static final Violation NOT_AN_OBJECT = new Violation("", "", "must be a JSON object");

    /**
     * Validates an event against the schema and {@link StorableText}'s rule; a root that is not an object is one
     * violation rather than one per keyword.
     */
    List<Violation> validate(JsonNode event) {
        if (event == null || !event.isObject()) {
            return List.of(NOT_AN_OBJECT);
        }
        List<Violation> found = new ArrayList<>(violations.map(validator.validate(event)));
        // one violation per field: a field the schema already refused is not named twice
        Set<String> named = new HashSet<>();
        found.forEach(violation -> named.add(violation.pointer()));
        StorableText.violations(event).stream().filter(violation -> named.add(violation.pointer())).forEach(found::add);
        found.sort(Comparator.comparing(Violation::pointer));
        return List.copyOf(found);
    }

    /** The names of the top-level properties the schema defines, in document order. */
    Set<String> properties() {
        Set<String> names = new LinkedHashSet<>();
        validator.getSchemaNode().path("properties").fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }
}
