package io.eventflow.publisher.adapter.in.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.eventflow.schemas.StorableText;
import io.eventflow.schemas.Violation;

/**
 * The context attributes of a CloudEvent (1.0) as received, by attribute name; absent ones are not in the map.
 *
 * @param values the attributes' values
 * @param binary whether they came as {@code ce-*} HTTP headers (binary mode) or as JSON members (structured mode)
 */
record CloudEventAttributes(Map<String, String> values, boolean binary) {

    /** The attribute's value, or null. */
    String get(String name) {
        return values.get(name);
    }

    /**
     * The longest value each attribute may have, in characters: what a Kafka header and the idempotency window
     * should hold for one event ({@code id} and {@code source} are its idempotency key).
     */
    static final Map<String, Integer> MAX_LENGTHS = Map.of("specversion", 16, "id", 255, "source", 1024,
            "type", 255, "time", 64, "subject", 1024, "datacontenttype", 255);

    /** Every rule of the CloudEvents spec these attributes break, except the type's (checked against the schemas). */
    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        values.forEach((name, value) -> {
            int max = MAX_LENGTHS.getOrDefault(name, 255);
            if (value.length() > max && value.codePointCount(0, value.length()) > max) {
                violations.add(violation(name, "must be at most " + max + " characters long"));
            } else if (!StorableText.isStorable(value)) {
                violations.add(violation(name, StorableText.REASON));
            }
        });
        if (!violations.isEmpty()) {
            // the other rules would only repeat what is wrong with these values (and parse very long ones)
            violations.sort(Comparator.comparing(Violation::field));
            return violations;
        }
        require("specversion", violations);
        require("id", violations);
        require("source", violations);
        require("type", violations);
        if (get("specversion") != null && !"1.0".equals(get("specversion"))) {
            violations.add(violation("specversion", "must be 1.0, the CloudEvents version this API speaks"));
        }
        if (get("source") != null && !isUriReference(get("source"))) {
            violations.add(violation("source", "must be a URI-reference, e.g. /my-app or urn:example:app"));
        }
        if (get("time") != null && !isTimestamp(get("time"))) {
            violations.add(violation("time", "must be an RFC 3339 timestamp, e.g. 2024-01-01T12:00:00Z"));
        }
        String contentType = get("datacontenttype");
        if (contentType != null && !isJson(contentType)) {
            violations.add(violation("datacontenttype", "must be application/json: data is validated as JSON"));
        }
        return violations;
    }

    /** A violation located where the attribute was sent: its header or its JSON member. */
    Violation violation(String attribute, String reason) {
        return binary ? new Violation("ce-" + attribute, "", reason) : new Violation(attribute, "/" + attribute, reason);
    }

    private void require(String attribute, List<Violation> violations) {
        String value = get(attribute);
        if (value == null || value.isEmpty()) {
            violations.add(violation(attribute, "is required"));
        }
    }

    private static boolean isUriReference(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isTimestamp(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return base.equals("application/json") || base.endsWith("+json");
    }
}
