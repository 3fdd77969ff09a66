package io.eventflow.schemas;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.JsonNodePath;

/** Where in an event a violation is, as path segments: property names (String) and array indexes (Integer). */
record InstanceLocation(List<Object> segments) {

    InstanceLocation {
        segments = List.copyOf(segments);
    }

    /** The location of a validated node, extended by a property name when the library reports one separately. */
    static InstanceLocation of(JsonNodePath path, String property) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            segments.add(path.getElement(i));
        }
        if (property != null) {
            segments.add(property);
        }
        return new InstanceLocation(segments);
    }

    /** Dotted form for people, e.g. {@code metadata.tags[0]}; empty for the root. */
    String field() {
        StringBuilder field = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(segment);
            }
        }
        return field.toString();
    }

    /** RFC 6901 JSON pointer, e.g. {@code /metadata/tags/0}; empty for the root. */
    String pointer() {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
