package io.eventflow.schemas;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bundled event contracts: lists the schemas and validates events against the latest version of their type.
 * Immutable and thread-safe once loaded; load it once and share it.
 */
public final class EventSchemas {

    private final Map<String, NavigableMap<Integer, BundledSchema>> byType;

    EventSchemas(List<BundledSchema> schemas) {
        Map<String, NavigableMap<Integer, BundledSchema>> grouped = new TreeMap<>();
        for (BundledSchema schema : schemas) {
            SchemaDescriptor descriptor = schema.descriptor();
            grouped.computeIfAbsent(descriptor.type(), type -> new TreeMap<>()).put(descriptor.version(), schema);
        }
        grouped.replaceAll((type, versions) -> Collections.unmodifiableNavigableMap(versions));
        this.byType = Collections.unmodifiableMap(grouped);
    }

    /** Reads {@code eventflow/schemas/index.json} and every schema it lists, and compiles their validators. */
    public static EventSchemas load() {
        return new EventSchemas(new BundleLoader(BundleLoader.INDEX, EventSchemas.class.getClassLoader()).load());
    }

    /** Returns every bundled schema, sorted by type, then version. */
    public List<SchemaDescriptor> list() {
        return byType.values().stream()
                .flatMap(versions -> versions.values().stream())
                .map(BundledSchema::descriptor)
                .sorted(Comparator.comparing(SchemaDescriptor::type).thenComparingInt(SchemaDescriptor::version))
                .toList();
    }

    /** Returns the newest schema of a type, or empty for an unknown type. */
    public Optional<SchemaDescriptor> latest(String type) {
        return latestSchema(type).map(BundledSchema::descriptor);
    }

    /** Returns the raw JSON text of one schema version, or empty if there is no such type or version. */
    public Optional<String> document(String type, int version) {
        return versions(type).map(versions -> versions.get(version)).map(BundledSchema::document);
    }

    /**
     * Returns the top-level property names the newest schema of a type defines (empty for an unknown type): the
     * fields a publisher forwards, dropping the unknown extras the schemas allow.
     */
    public Set<String> properties(String type) {
        return latestSchema(type).map(BundledSchema::properties).orElse(Set.of());
    }

    /** Tells whether any schema exists for this event type. */
    public boolean isKnownType(String type) {
        return versions(type).isPresent();
    }

    /**
     * Validates an event against the latest schema of its type and returns one violation per offending field.
     *
     * @param type  the event type, e.g. {@code user_analytics}
     * @param event the event as parsed JSON; anything but an object is a single violation on the root
     * @return the violations, sorted by pointer; empty when the event is valid
     * @throws IllegalArgumentException if no schema exists for the type
     */
    public List<Violation> validate(String type, JsonNode event) {
        return latestSchema(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type '" + type + "'; known types are "
                        + byType.keySet()))
                .validate(event);
    }

    private Optional<BundledSchema> latestSchema(String type) {
        return versions(type).map(versions -> versions.lastEntry().getValue());
    }

    private Optional<NavigableMap<Integer, BundledSchema>> versions(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(byType.get(type));
    }
}
