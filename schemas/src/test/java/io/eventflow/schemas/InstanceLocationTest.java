package io.eventflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.PathType;
import org.junit.jupiter.api.Test;

class InstanceLocationTest {

    private static final JsonNodePath ROOT = new JsonNodePath(PathType.LEGACY);

    @Test
    void namesRootWithEmptyFieldAndPointer() {
        InstanceLocation location = InstanceLocation.of(ROOT, null);

        assertThat(location.field()).isEmpty();
        assertThat(location.pointer()).isEmpty();
    }

    @Test
    void appendsSeparatelyReportedProperty() {
        InstanceLocation location = InstanceLocation.of(ROOT, "user_id");

        assertThat(location.field()).isEqualTo("user_id");
        assertThat(location.pointer()).isEqualTo("/user_id");
    }

    @Test
    void joinsNestedPropertiesWithDotsAndIndexesWithBrackets() {
        InstanceLocation location = InstanceLocation.of(ROOT.append("metadata").append("tags").append(0), "x");

        assertThat(location.field()).isEqualTo("metadata.tags[0].x");
        assertThat(location.pointer()).isEqualTo("/metadata/tags/0/x");
    }

    @Test
    void escapesSlashAndTildeInPointer() {
        InstanceLocation location = InstanceLocation.of(ROOT.append("a/b").append("c~d"), null);

        assertThat(location.field()).isEqualTo("a/b.c~d");
        assertThat(location.pointer()).isEqualTo("/a~1b/c~0d");
    }
}
