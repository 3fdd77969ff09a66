package io.eventflow.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;

/** Reads the schema index and the schemas it lists from the classpath, and compiles them. */
final class BundleLoader {

    static final String INDEX = "eventflow/schemas/index.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    // Draft 2020-12 treats format as an annotation only; the contract needs date-time asserted.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private final String indexResource;
    private final ClassLoader classLoader;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(VersionFlag.V202012);

    BundleLoader(String indexResource, ClassLoader classLoader) {
        this.indexResource = indexResource;
        this.classLoader = classLoader;
    }

    /** Loads every schema of the index; fails on a missing resource, a duplicate entry or a malformed document. */
    List<BundledSchema> load() {
        JsonNode entries = parse(indexResource, read(indexResource)).path("schemas");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new IllegalStateException(indexResource + " must list at least one schema under \"schemas\"");
        }
        List<BundledSchema> schemas = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : entries) {
            BundledSchema schema = loadEntry(entry);
            SchemaDescriptor descriptor = schema.descriptor();
            if (!seen.add(descriptor.type() + "/v" + descriptor.version())) {
                throw new IllegalStateException(indexResource + " lists " + descriptor.type() + " version "
                        + descriptor.version() + " twice");
            }
            schemas.add(schema);
        }
        return List.copyOf(schemas);
    }

    private BundledSchema loadEntry(JsonNode entry) {
        String type = requiredText(entry, "type", indexResource);
        String resource = requiredText(entry, "resource", indexResource);
        JsonNode versionNode = entry.path("version");
        if (!versionNode.isInt() || versionNode.intValue() < 1) {
            throw new IllegalStateException(indexResource + ": version of " + type + " must be an integer >= 1");
        }
        int version = versionNode.intValue();
        String document = read(resource);
        JsonNode schemaNode = parse(resource, document);
        String title = requiredText(schemaNode, "title", resource);
        JsonSchema validator = factory.getSchema(schemaNode, CONFIG);
        // Compile every keyword now, so validation later only reads shared state.
        validator.initializeValidators();
        return new BundledSchema(new SchemaDescriptor(type, version, title, resource), document, validator,
                new ViolationMapper(schemaNode));
    }

    private String read(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static JsonNode parse(String resource, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " is not valid JSON", e);
        }
    }

    private static String requiredText(JsonNode node, String name, String resource) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalStateException(resource + ": \"" + name + "\" must be a non-empty string");
        }
        return value.textValue();
    }
}
