package io.eventflow.schemas;

import static io.eventflow.schemas.Events.SCHEMAS;
import static io.eventflow.schemas.Events.analytics;
import static io.eventflow.schemas.Events.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemasTest {

    private static final SchemaDescriptor CHEMICAL_V1 = new SchemaDescriptor("chemical_research", 1,
            "Chemical research event", "eventflow/schemas/chemical_research/v1.schema.json");
    private static final SchemaDescriptor ANALYTICS_V1 = new SchemaDescriptor("user_analytics", 1,
            "User analytics event", "eventflow/schemas/user_analytics/v1.schema.json");

    @Test
    void listsBundledSchemasSortedByTypeThenVersion() {
        assertThat(SCHEMAS.list()).containsExactly(CHEMICAL_V1, ANALYTICS_V1);
    }

    @Test
    void returnsAnUnmodifiableList() {
        assertThatThrownBy(() -> SCHEMAS.list().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void returnsLatestVersionOfKnownType() {
        assertThat(SCHEMAS.latest("user_analytics")).contains(ANALYTICS_V1);
        assertThat(SCHEMAS.latest("chemical_research")).contains(CHEMICAL_V1);
    }

    @Test
    void returnsNoLatestVersionForUnknownType() {
        assertThat(SCHEMAS.latest("order_placed")).isEmpty();
        assertThat(SCHEMAS.latest(null)).isEmpty();
    }

    @Test
    void returnsRawDocumentOfKnownVersion() throws IOException {
        String document = SCHEMAS.document("user_analytics", 1).orElseThrow();

        assertThat(document).isEqualTo(resource(ANALYTICS_V1.resource()));
        assertThat(json(document).path("$id").asText())
                .isEqualTo("https://eventflow.io/schemas/user_analytics/v1.schema.json");
    }

    @Test
    void returnsNoDocumentForUnknownVersionOrType() {
        assertThat(SCHEMAS.document("user_analytics", 2)).isEmpty();
        assertThat(SCHEMAS.document("user_analytics", 0)).isEmpty();
        assertThat(SCHEMAS.document("order_placed", 1)).isEmpty();
        assertThat(SCHEMAS.document(null, 1)).isEmpty();
    }

    @Test
    void knowsOnlyBundledTypes() {
        assertThat(SCHEMAS.isKnownType("user_analytics")).isTrue();
        assertThat(SCHEMAS.isKnownType("chemical_research")).isTrue();
        assertThat(SCHEMAS.isKnownType("User_Analytics")).isFalse();
        assertThat(SCHEMAS.isKnownType("order_placed")).isFalse();
        assertThat(SCHEMAS.isKnownType(null)).isFalse();
    }

    @Test
    void rejectsValidationOfUnknownType() {
        assertThatThrownBy(() -> SCHEMAS.validate("order_placed", analytics()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order_placed")
                .hasMessageContaining("user_analytics");
    }

    @Test
    void rejectsValidationOfNullType() {
        assertThatThrownBy(() -> SCHEMAS.validate(null, analytics())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("nonObjects")
    void reportsNonObjectRootAsSingleViolation(JsonNode event) {
        assertThat(SCHEMAS.validate("user_analytics", event))
                .containsExactly(new Violation("", "", "must be a JSON object"));
        assertThat(SCHEMAS.validate("chemical_research", event))
                .containsExactly(new Violation("", "", "must be a JSON object"));
    }

    @Test
    void validatesConcurrentlyWithTheSameResult() {
        List<Violation> expected = List.of(new Violation("user_id", "/user_id", "must not be empty"));

        List<List<Violation>> results = IntStream.range(0, 500).parallel()
                .mapToObj(i -> i % 2 == 0 ? SCHEMAS.validate("user_analytics", analytics().put("user_id", ""))
                        : SCHEMAS.validate("user_analytics", analytics()))
                .toList();

        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).isEqualTo(i % 2 == 0 ? expected : List.of());
        }
    }

    static Stream<JsonNode> nonObjects() {
        return Stream.of(json("[]"), json("[{\"user_id\": \"user-123\"}]"), json("\"user-123\""), json("42"),
                json("true"), json("null"), MissingNode.getInstance(), null);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
