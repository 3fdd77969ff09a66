package io.eventflow.publisher.adapter.in.web;

import java.util.List;
import java.util.Optional;

import io.eventflow.schemas.Violation;

/** The request body is not a valid event; carries every offending field, and the event's type once it is known. */
class InvalidEventException extends RuntimeException {

    private final List<Violation> violations;
    private final String type;
    private final int status;

    InvalidEventException(String message, List<Violation> violations) {
        this(message, violations, null);
    }

    InvalidEventException(String message, List<Violation> violations, String type) {
        this(422, message, violations, type);
    }

    /** An event refused with {@code status}: 422 when invalid, 413 when over a size limit. */
    InvalidEventException(int status, String message, List<Violation> violations, String type) {
        super(message);
        this.violations = List.copyOf(violations);
        this.type = type;
        this.status = status;
    }

    /** The HTTP status of the refusal. */
    int status() {
        return status;
    }

    List<Violation> violations() {
        return violations;
    }

    /** The type of the invalid event, when the request named a known one. */
    Optional<String> type() {
        return Optional.ofNullable(type);
    }
}
