package io.eventflow.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/**
 * Words a library validation message as a reason a client can act on. The reason is built from the failed keyword
 * and the schema rule that holds it, never from the library's message text, which names paths in its own syntax.
 */
final class Reasons {

    static final String DATE_TIME = "must be an ISO-8601 date-time with a zone offset, e.g. 2024-01-01T12:00:00Z";

    private final JsonNode schema;

    Reasons(JsonNode schema) {
        this.schema = schema;
    }

    /** The reason for one message, keyed on the keyword that failed. */
    String explain(ValidationMessage message) {
        JsonNode rule = ruleOf(message);
        String keyword = String.valueOf(message.getType());
        return switch (keyword) {
            case "required" -> "is required";
            case "additionalProperties", "unevaluatedProperties" -> "is not allowed";
            case "type" -> "must be " + expected(rule.path("type")) + ", but was " + actual(message.getInstanceNode());
            case "minLength" -> minLength(rule.path("minLength").asInt());
            case "maxLength" -> "must be at most " + rule.path("maxLength").asInt() + " characters long";
            case "format", "pattern" -> mismatch(keyword, rule);
            case "enum" -> "must be one of " + rule.path("enum");
            case "const" -> "must be " + rule.path("const");
            case "minimum" -> "must be at least " + rule.path("minimum");
            case "maximum" -> "must be at most " + rule.path("maximum");
            default -> "does not satisfy the schema's " + keyword + " rule";
        };
    }

    /** The schema object holding the failed keyword: the parent of the keyword's location in the schema. */
    private JsonNode ruleOf(ValidationMessage message) {
        JsonNodePath keywordPath = message.getSchemaLocation() == null ? null
                : message.getSchemaLocation().getFragment();
        JsonNode rule = schema;
        for (int i = 0; keywordPath != null && i < keywordPath.getNameCount() - 1; i++) {
            Object segment = keywordPath.getElement(i);
            rule = segment instanceof Integer index ? rule.path(index) : rule.path(segment.toString());
        }
        return rule;
    }

    private static String minLength(int length) {
        return length == 1 ? "must not be empty" : "must be at least " + length + " characters long";
    }

    private static String mismatch(String keyword, JsonNode rule) {
        String format = rule.path("format").asText();
        if ("date-time".equals(format)) {
            // The pattern beside a date-time format only narrows it, so both failures mean the same to a client.
            return DATE_TIME;
        }
        return "format".equals(keyword) ? "must be a valid " + format
                : "must match the pattern " + rule.path("pattern").asText();
    }

    private static String expected(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(name -> names.add(withArticle(name.asText())));
        } else {
            names.add(withArticle(type.asText()));
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String withArticle(String type) {
        return switch (type) {
            case "null" -> "null";
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String actual(JsonNode node) {
        return node == null ? "missing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
