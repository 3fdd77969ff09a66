package io.eventflow.publisher.domain;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeNameTest {

    @Test
    void readsThePlainContractName() {
        assertThat(EventTypeName.parse("user_analytics")).contains(new EventTypeName("user_analytics", Optional.empty()));
    }

    @Test
    void readsTheCloudEventsNameWithItsVersion() {
        assertThat(EventTypeName.parse("io.eventflow.chemical_research.v1"))
                .contains(new EventTypeName("chemical_research", Optional.of(1)));
    }

    @Test
    void refusesOtherShapes() {
        assertThat(EventTypeName.parse("com.example.order_placed")).isEmpty();
        assertThat(EventTypeName.parse("io.eventflow.user_analytics")).isEmpty();
        assertThat(EventTypeName.parse("User Analytics")).isEmpty();
        assertThat(EventTypeName.parse(null)).isEmpty();
    }

    @Test
    void namesTheCloudEventsType() {
        assertThat(EventTypeName.cloudEventType("user_analytics", 1)).isEqualTo("io.eventflow.user_analytics.v1");
    }
}
