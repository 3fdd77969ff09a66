package io.eventflow.publisher.adapter.in.web;

import java.util.List;

import io.eventflow.schemas.Violation;

/** The request body is not a valid event; carries every offending field. */
class InvalidEventException extends RuntimeException {

    private final List<Violation> violations;

    InvalidEventException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
