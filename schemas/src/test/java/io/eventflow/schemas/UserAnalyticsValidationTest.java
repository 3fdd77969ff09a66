package io.eventflow.schemas;

import static io.eventflow.schemas.Events.SCHEMAS;
import static io.eventflow.schemas.Events.analytics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserAnalyticsValidationTest {

    @Test
    void acceptsContractExample() {
        assertThat(validate(analytics())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_view", "click", "purchase", "login", "logout", "signup", "search", "video_paused"})
    void acceptsAnyNonEmptyEventType(String eventType) {
        assertThat(validate(analytics().put("event_type", eventType))).isEmpty();
    }

    @Test
    void acceptsMissingMetadata() {
        ObjectNode event = analytics();
        event.remove("metadata");

        assertThat(validate(event)).isEmpty();
    }

    @Test
    void acceptsNullMetadata() {
        assertThat(validate(analytics().putNull("metadata"))).isEmpty();
    }

    @Test
    void acceptsEmptyMetadata() {
        ObjectNode event = analytics();
        event.putObject("metadata");

        assertThat(validate(event)).isEmpty();
    }

    @Test
    void acceptsUnknownExtraProperties() {
        ObjectNode event = analytics().put("session_id", "s-1").put("type", "user_analytics");

        assertThat(validate(event)).isEmpty();
    }

    @Test
    void rejectsMetadataArray() {
        ObjectNode event = analytics();
        event.putArray("metadata").add("page_view");

        assertThat(validate(event))
                .containsExactly(new Violation("metadata", "/metadata", "must be an object or null, but was array"));
    }

    @Test
    void rejectsMetadataString() {
        assertThat(validate(analytics().put("metadata", "{}")))
                .containsExactly(new Violation("metadata", "/metadata", "must be an object or null, but was string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_id", "event_type", "timestamp"})
    void rejectsEventWithoutRequiredField(String field) {
        ObjectNode event = analytics();
        event.remove(field);

        assertThat(validate(event)).containsExactly(new Violation(field, "/" + field, "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_id", "event_type", "timestamp"})
    void rejectsNumberForStringField(String field) {
        assertThat(validate(analytics().put(field, 123)))
                .containsExactly(new Violation(field, "/" + field, "must be a string, but was number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_id", "event_type", "timestamp"})
    void rejectsNullForStringField(String field) {
        assertThat(validate(analytics().putNull(field)))
                .containsExactly(new Violation(field, "/" + field, "must be a string, but was null"));
    }

    @Test
    void rejectsObjectForUserId() {
        ObjectNode event = analytics();
        event.putObject("user_id").put("id", "user-123");

        assertThat(validate(event))
                .containsExactly(new Violation("user_id", "/user_id", "must be a string, but was object"));
    }

    @Test
    void rejectsBooleanForEventType() {
        assertThat(validate(analytics().put("event_type", true)))
                .containsExactly(new Violation("event_type", "/event_type", "must be a string, but was boolean"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_id", "event_type"})
    void rejectsEmptyString(String field) {
        assertThat(validate(analytics().put(field, "")))
                .containsExactly(new Violation(field, "/" + field, "must not be empty"));
    }

    @Test
    void reportsOneViolationPerOffendingFieldSortedByPointer() {
        ObjectNode event = analytics().put("event_type", 42).put("timestamp", "yesterday");
        event.remove("user_id");
        event.putArray("metadata");

        assertThat(validate(event)).containsExactly(
                new Violation("event_type", "/event_type", "must be a string, but was number"),
                new Violation("metadata", "/metadata", "must be an object or null, but was array"),
                new Violation("timestamp", "/timestamp", Reasons.DATE_TIME),
                new Violation("user_id", "/user_id", "is required"));
    }

    @Test
    void neverLeaksTheLibraryWording() {
        ObjectNode event = analytics().put("user_id", "").put("event_type", 1).put("timestamp", "noon");
        event.putArray("metadata");

        assertThat(validate(event)).hasSize(4).allSatisfy(violation -> assertThat(violation.reason())
                .doesNotContain("$", "found", "expected", "RFC", "pattern"));
    }

    private static List<Violation> validate(ObjectNode event) {
        return SCHEMAS.validate("user_analytics", event);
    }
}
