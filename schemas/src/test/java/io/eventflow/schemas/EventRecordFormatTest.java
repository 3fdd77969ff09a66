package io.eventflow.schemas;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.schemas.EventRecordFormat.Envelope;
import io.eventflow.schemas.EventRecordFormat.MalformedRecordException;
import io.eventflow.schemas.EventRecordFormat.Read;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the publisher's writer puts on the topic, the subscriber's reader gets back, field for field. */
class EventRecordFormatTest {

    private final EventRecordFormat format = new EventRecordFormat(new ObjectMapper());

    @Test
    void readsBackTheEnvelopeAndEveryContractFieldItWrote() throws Exception {
        Envelope envelope = new Envelope("user_analytics", UUID.randomUUID(), 2, Instant.parse("2026-12-02T12:00:01.5Z"),
                "0.1.0");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user_id", "user-1");
        fields.put("event_type", "page_view");
        fields.put("timestamp", "2024-01-01T12:00:00Z");
        fields.put("metadata", Map.of("page", "/home", "depth", 3, "tags", List.of("a", "b"), "ok", true));
        fields.put("nothing", null);

        Read read = format.read(format.write(envelope, fields));

        assertThat(read.envelope()).isEqualTo(envelope);
        assertThat(read.fields()).isEqualTo(fields);
        assertThat(read.value().path("event_id").asText()).isEqualTo(envelope.eventId().toString());
    }

    @Test
    void theEnvelopeWinsOverAContractFieldOfTheSameName() throws Exception {
        UUID eventId = UUID.randomUUID();
        Envelope envelope = new Envelope("chemical_research", eventId, 1, null, null);

        Read read = format.read(format.write(envelope, Map.of("type", "forged", "event_id", "not-a-uuid",
                "molecule_id", "mol-1")));

        assertThat(read.envelope().type()).isEqualTo("chemical_research");
        assertThat(read.envelope().eventId()).isEqualTo(eventId);
        assertThat(read.envelope().publishedAt()).isNull();
        assertThat(read.fields()).containsOnlyKeys("molecule_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1,2]", "{\"type\":\"user_analytics\"}",
        "{\"type\":\"user_analytics\",\"event_id\":\"nope\"}", "{\"event_id\":\"6f1c2a0e-4a59-4bd0-9f3a-2f1d5c3b7a10\"}"})
    void saysWhyAValueIsNoEvent(String value) {
        assertThatThrownBy(() -> format.read(value)).isInstanceOf(MalformedRecordException.class)
                .hasMessageMatching("record value (is not JSON.*|is not a JSON object|has no type)"
                        + "|missing or malformed event_id");
    }

    @Test
    void anEmptyValueIsNoEvent() {
        assertThatThrownBy(() -> format.read((String) null)).hasMessage("empty record value");
    }
}
