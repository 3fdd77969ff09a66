package io.eventflow.schemas;

import static io.eventflow.schemas.Events.analytics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BundleLoaderTest {

    @Test
    void loadsEveryIndexedSchema() {
        assertThat(load(BundleLoader.INDEX).list()).extracting(SchemaDescriptor::type)
                .containsExactly("chemical_research", "user_analytics");
    }

    @Test
    void validatesAgainstNewestVersionOfType() {
        EventSchemas schemas = load("loader/two-versions/index.json");

        assertThat(schemas.latest("user_analytics")).map(SchemaDescriptor::version).contains(2);
        assertThat(schemas.document("user_analytics", 1)).isPresent();
        assertThat(schemas.validate("user_analytics", analytics()))
                .containsExactly(new Violation("session_id", "/session_id", "is required"));
    }

    @Test
    void failsOnIndexedResourceMissingFromClasspath() {
        assertThatThrownBy(() -> load("loader/missing-resource/index.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loader/missing-resource/nowhere.schema.json is not on the classpath");
    }

    @Test
    void failsOnDuplicateTypeAndVersion() {
        assertThatThrownBy(() -> load("loader/duplicate/index.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user_analytics version 1 twice");
    }

    @Test
    void failsOnSchemaWithoutTitle() {
        assertThatThrownBy(() -> load("loader/untitled/index.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"title\" must be a non-empty string");
    }

    @Test
    void failsOnVersionThatIsNotAPositiveInteger() {
        assertThatThrownBy(() -> load("loader/bad-version/index.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be an integer >= 1");
    }

    @Test
    void failsOnMissingIndex() {
        assertThatThrownBy(() -> load("loader/none/index.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not on the classpath");
    }

    private static EventSchemas load(String index) {
        return new EventSchemas(new BundleLoader(index, BundleLoaderTest.class.getClassLoader()).load());
    }
}
