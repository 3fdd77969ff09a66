package io.eventflow.enrichment.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The JSON Schema of an answer (the contract's properties plus {@code confidence_score}), sent and enforced. */
public final class PropertiesSchema {

    private static final String RESOURCE = "chemical-properties.schema.json";

    private final String text;
    private final JsonSchema schema;

    /** Loads the schema from the class path. */
    public PropertiesSchema() {
        this.text = load();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    }

    /** The schema as JSON text, to send to models that take a response schema. */
    public String text() {
        return text;
    }

    /** The problems of the answer; empty when it conforms. Messages may quote property names: escape them. */
    public Set<String> violations(JsonNode answer) {
        Set<ValidationMessage> messages = schema.validate(answer);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String load() {
        try (InputStream in = PropertiesSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
