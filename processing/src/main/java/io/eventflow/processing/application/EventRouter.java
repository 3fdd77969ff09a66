package io.eventflow.processing.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The routing table: one handler per event type. */
public final class EventRouter {

    private final Map<String, EventHandler> handlers;

    /** Builds the table; two handlers for one type is a wiring error. */
    public EventRouter(List<EventHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(EventHandler::type, Function.identity()));
    }

    /** The handler for a type, if any. */
    public Optional<EventHandler> handlerFor(String type) {
        return Optional.ofNullable(handlers.get(type));
    }

    /** Whether events of this type can be processed. */
    public boolean routes(String type) {
        return handlers.containsKey(type);
    }
}
