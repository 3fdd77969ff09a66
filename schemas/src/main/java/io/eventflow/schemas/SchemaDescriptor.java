package io.eventflow.schemas;

/**
 * One bundled event schema: which event type and version it describes, its title and its classpath resource.
 *
 * @param type     the event type, as in the {@code type} field on the topic, e.g. {@code user_analytics}
 * @param version  the schema version, starting at 1
 * @param title    the schema's {@code title}
 * @param resource the classpath path of the schema document
 */
public record SchemaDescriptor(String type, int version, String title, String resource) {
}
