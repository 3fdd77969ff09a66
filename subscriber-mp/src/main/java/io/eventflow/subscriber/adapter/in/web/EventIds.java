package io.eventflow.subscriber.adapter.in.web;

import java.util.Optional;
import java.util.UUID;

import io.eventflow.web.Problems;
import jakarta.ws.rs.core.Response;

/** Event ids in paths: a malformed id names no event, so it is answered like an unknown one. */
final class EventIds {

    private EventIds() {
    }

    static Optional<UUID> parse(String eventId) {
        try {
            return Optional.of(UUID.fromString(eventId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Response notFound(String eventId) {
        return Problems.problem(Response.Status.NOT_FOUND, "Event not found", "No event with id " + eventId);
    }
}
