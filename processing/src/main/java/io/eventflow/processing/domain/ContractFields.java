package io.eventflow.processing.domain;

import java.time.OffsetDateTime;
import java.util.Map;

/** Reads an event's contract fields (its record's JSON object, as a map) into typed values. */
final class ContractFields {

    private final Map<String, Object> fields;

    ContractFields(Map<String, Object> fields) {
        this.fields = fields == null ? Map.of() : fields;
    }

    /** A string field, or null. */
    String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    /** A timestamp field (ISO-8601 with an offset, as the contract's schemas require). */
    OffsetDateTime timestamp(String field) {
        String value = text(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return OffsetDateTime.parse(value);
    }

    /** An object field, or an empty map when absent or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String field) {
        Object value = fields.get(field);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
