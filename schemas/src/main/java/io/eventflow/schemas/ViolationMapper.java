package io.eventflow.schemas;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

/** Turns the library's validation messages for one schema into at most one violation per field. */
final class ViolationMapper {

    // A field failing several keywords gets the most fundamental: "is required" says more than its type.
    private static final List<String> PRECEDENCE = List.of("required", "type", "minLength", "maxLength", "format",
            "pattern");

    // For these keywords the library reports the parent object and names the offending property separately.
    private static final Set<String> NAMES_PROPERTY = Set.of("required", "additionalProperties",
            "unevaluatedProperties");

    private final Reasons reasons;

    ViolationMapper(JsonNode schema) {
        this.reasons = new Reasons(schema);
    }

    /** One violation per offending field, sorted by JSON pointer. */
    List<Violation> map(Collection<ValidationMessage> messages) {
        Map<String, Violation> byPointer = new TreeMap<>();
        messages.stream()
                .sorted(Comparator.comparingInt(ViolationMapper::precedence))
                .map(this::toViolation)
                .forEach(violation -> byPointer.putIfAbsent(violation.pointer(), violation));
        return List.copyOf(byPointer.values());
    }

    private Violation toViolation(ValidationMessage message) {
        String property = NAMES_PROPERTY.contains(message.getType()) ? message.getProperty() : null;
        InstanceLocation location = InstanceLocation.of(message.getInstanceLocation(), property);
        return new Violation(location.field(), location.pointer(), reasons.explain(message));
    }

    private static int precedence(ValidationMessage message) {
        int rank = PRECEDENCE.indexOf(message.getType());
        return rank < 0 ? PRECEDENCE.size() : rank;
    }
}
