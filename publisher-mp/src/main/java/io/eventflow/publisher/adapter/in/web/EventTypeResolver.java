package io.eventflow.publisher.adapter.in.web;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.eventflow.publisher.domain.EventTypeName;
import io.eventflow.schemas.EventSchemas;
import io.eventflow.schemas.SchemaDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves an event type named by a client to a type with a schema: {@code user_analytics}, or
 * {@code io.eventflow.user_analytics.v1} whose version must be the type's current one.
 */
@ApplicationScoped
class EventTypeResolver {

    private final EventSchemas schemas;

    @Inject
    EventTypeResolver(EventSchemas schemas) {
        this.schemas = schemas;
    }

    /** The contract's type name, or empty when no current schema has this name. */
    Optional<String> resolve(String name) {
        return EventTypeName.parse(name)
                .filter(parsed -> schemas.latest(parsed.type())
                        .map(latest -> parsed.version().map(v -> v == latest.version()).orElse(true))
                        .orElse(false))
                .map(EventTypeName::type);
    }

    /** A reason naming every accepted type name, for a client that sent an unknown one. */
    String unknownTypeReason() {
        return "is not a known event type; use one of " + schemas.list().stream()
                .collect(Collectors.toMap(SchemaDescriptor::type, SchemaDescriptor::version, Math::max))
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (" + EventTypeName.cloudEventType(e.getKey(), e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }
}
