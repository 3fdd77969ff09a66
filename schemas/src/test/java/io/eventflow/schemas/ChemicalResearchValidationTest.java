package io.eventflow.schemas;

import static io.eventflow.schemas.Events.SCHEMAS;
import static io.eventflow.schemas.Events.chemical;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChemicalResearchValidationTest {

    @Test
    void acceptsContractExample() {
        assertThat(validate(chemical())).isEmpty();
    }

    @Test
    void acceptsEmptyData() {
        ObjectNode event = chemical();
        event.putObject("data");

        assertThat(validate(event)).isEmpty();
    }

    @Test
    void acceptsResearcherWithSpacesAndDots() {
        assertThat(validate(chemical().put("researcher", "Prof. Dr. A. B. Curie"))).isEmpty();
    }

    @Test
    void acceptsUnknownExtraProperties() {
        assertThat(validate(chemical().put("lab", "B-12"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"molecule_id", "researcher", "data", "timestamp"})
    void rejectsEventWithoutRequiredField(String field) {
        ObjectNode event = chemical();
        event.remove(field);

        assertThat(validate(event)).containsExactly(new Violation(field, "/" + field, "is required"));
    }

    @Test
    void rejectsDataArray() {
        ObjectNode event = chemical();
        event.putArray("data").add("H2O");

        assertThat(validate(event))
                .containsExactly(new Violation("data", "/data", "must be an object, but was array"));
    }

    @Test
    void rejectsNullData() {
        assertThat(validate(chemical().putNull("data")))
                .containsExactly(new Violation("data", "/data", "must be an object, but was null"));
    }

    @Test
    void rejectsStringData() {
        assertThat(validate(chemical().put("data", "H2O")))
                .containsExactly(new Violation("data", "/data", "must be an object, but was string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"molecule_id", "researcher", "timestamp"})
    void rejectsNumberForStringField(String field) {
        assertThat(validate(chemical().put(field, 42.5)))
                .containsExactly(new Violation(field, "/" + field, "must be a string, but was number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"molecule_id", "researcher"})
    void rejectsEmptyString(String field) {
        assertThat(validate(chemical().put(field, "")))
                .containsExactly(new Violation(field, "/" + field, "must not be empty"));
    }

    @Test
    void rejectsTimestampWithoutZone() {
        assertThat(validate(chemical().put("timestamp", "2024-01-01T12:00:00")))
                .containsExactly(new Violation("timestamp", "/timestamp", Reasons.DATE_TIME));
    }

    private static List<Violation> validate(ObjectNode event) {
        return SCHEMAS.validate("chemical_research", event);
    }
}
