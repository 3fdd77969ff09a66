package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import io.eventflow.schemas.EventRecordFormat;
import io.eventflow.schemas.EventSchemas;
import io.eventflow.subscriber.adapter.jobrunr.EventPayloadCodec;
import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A record written with {@link EventRecordFormat} - as the publisher writes it - is read into a typed event field
 * for field, keeping the record's text as it is; the job reads that text back into the same event.
 */
class EventRecordReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventRecordReader reader = new EventRecordReader(JSON, EventSchemas.load());
    private final EventPayloadCodec codec = new EventPayloadCodec(JSON);

    @Test
    void readsAnAnalyticsRecordIntoItsTypedEventKeepingTheText() throws Exception {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user_id", "user-1");
        fields.put("event_type", "page_view");
        fields.put("timestamp", "2024-01-01T12:00:00Z");
        fields.put("metadata", Map.of("page", "/home", "depth", 3));
        String value = write("user_analytics", eventId, fields);

        ReceivedEvent received = reader.read("user-1", value);

        assertThat(received.event()).isEqualTo(new UserAnalyticsEvent(eventId, "user-1", "page_view",
                OffsetDateTime.parse("2024-01-01T12:00:00Z"), Map.of("page", "/home", "depth", 3)));
        assertThat(received.key()).isEqualTo("user-1");
        assertThat(received.payloadJson()).isSameAs(value);
        assertThat(codec.toEvent(codec.toRequest(received, null))).isEqualTo(received);
    }

    @Test
    void readsAChemicalRecordIntoItsTypedEventBeforeEnrichment() throws Exception {
        UUID eventId = UUID.randomUUID();
        String value = write("chemical_research", eventId, Map.of("molecule_id", "mol-1", "researcher", "Dr. A",
                "data", Map.of("formula", "H2O"), "timestamp", "2024-01-01T12:00:00+02:00"));

        ReceivedEvent received = reader.read("mol-1", value);

        assertThat(received.event()).isEqualTo(new ChemicalResearchEvent(eventId, "mol-1", "Dr. A",
                Map.of("formula", "H2O"), OffsetDateTime.parse("2024-01-01T12:00:00+02:00"), null));
        assertThat(codec.toEvent(codec.toRequest(received, "00-trace-span-01"))).isEqualTo(received);
    }

    @Test
    void aJobStoredBeforeTheTextWasCarriedAsIsStillReads() {
        UUID eventId = UUID.randomUUID();
        String fieldsOnly = "{\"user_id\":\"u\",\"event_type\":\"login\",\"timestamp\":\"2024-01-01T12:00:00Z\"}";

        ReceivedEvent received = codec.toEvent(new ProcessEventJobRequest(
                eventId, "user_analytics", "u", fieldsOnly, null));

        assertThat(received.event()).isEqualTo(new UserAnalyticsEvent(eventId, "u", "login",
                OffsetDateTime.parse("2024-01-01T12:00:00Z"), Map.of()));
    }

    @Test
    void aRecordThatIsNotJsonIsPoisonAndSaysSo() {
        assertThatThrownBy(() -> reader.read("k", "not json")).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("not JSON");
    }

    private static String write(String type, UUID eventId, Map<String, Object> fields) throws Exception {
        return new EventRecordFormat(JSON).write(new EventRecordFormat.Envelope(type, eventId, 1,
                Instant.parse("2024-01-01T12:00:01Z"), "test"), fields);
    }
}
