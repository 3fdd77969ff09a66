package io.eventflow.schemas;

/**
 * One reason an event does not match its schema, worded for the client that sent it.
 *
 * @param field   the offending field in dotted form, e.g. {@code timestamp} or {@code metadata.x}; empty for the root
 * @param pointer the same location as a JSON pointer, e.g. {@code /timestamp}; empty for the root
 * @param reason  what is wrong, as a sentence the client can act on, e.g. {@code is required}
 */
public record Violation(String field, String pointer, String reason) {
}
