package io.eventflow.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaPropertiesTest {

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    @Test
    void namesTheContractFieldsOfEachType() {
        assertThat(SCHEMAS.properties("user_analytics"))
                .containsExactlyInAnyOrder("user_id", "event_type", "timestamp", "metadata");
        assertThat(SCHEMAS.properties("chemical_research"))
                .containsExactlyInAnyOrder("molecule_id", "researcher", "data", "timestamp");
    }

    @Test
    void namesNoFieldsOfAnUnknownType() {
        assertThat(SCHEMAS.properties("order_placed")).isEmpty();
        assertThat(SCHEMAS.properties(null)).isEmpty();
    }
}
