package io.eventflow.schemas;

import static io.eventflow.schemas.Events.SCHEMAS;
import static io.eventflow.schemas.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BundledSchemaDocumentsTest {

    static List<SchemaDescriptor> bundled() {
        return SCHEMAS.list();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void declaresDraft202012WithIdTitleDescriptionAndExamples(SchemaDescriptor descriptor) {
        JsonNode schema = document(descriptor);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("https://eventflow.io/schemas/" + descriptor.type()
                + "/v" + descriptor.version() + ".schema.json");
        assertThat(schema.path("title").asText()).isEqualTo(descriptor.title());
        assertThat(schema.path("description").asText()).contains("Unknown extra properties are allowed");
        assertThat(schema.path("examples")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void acceptsItsOwnExamples(SchemaDescriptor descriptor) {
        for (JsonNode example : document(descriptor).path("examples")) {
            assertThat(SCHEMAS.validate(descriptor.type(), example)).as("%s", example).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void describesEveryPropertyWithAnExample(SchemaDescriptor descriptor) {
        document(descriptor).path("properties").properties().forEach(property -> {
            assertThat(property.getValue().path("description").asText()).as(property.getKey()).isNotBlank();
            assertThat(property.getValue().path("examples")).as(property.getKey()).isNotEmpty();
        });
    }

    private static JsonNode document(SchemaDescriptor descriptor) {
        return json(SCHEMAS.document(descriptor.type(), descriptor.version()).orElseThrow());
    }
}
