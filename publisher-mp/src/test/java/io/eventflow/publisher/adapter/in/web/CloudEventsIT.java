package io.eventflow.publisher.adapter.in.web;

import java.util.Map;
import java.util.UUID;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.eventflow.publisher.adapter.in.web.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

/** CloudEvents over HTTP against a real broker: both modes accepted, records readable as CloudEvents. */
@ExtendWith(Infrastructure.class)
@HelidonTest
class CloudEventsIT {

    private static final String STRUCTURED = "application/cloudevents+json";

    @Inject
    private WebTarget target;

    @Test
    void acceptsStructuredModeAndWritesCloudEventsKafkaHeaders() {
        String userId = "user-" + UUID.randomUUID();
        Response response = structured("""
                {"specversion":"1.0","id":"ce-1","source":"/web-shop","type":"io.eventflow.user_analytics.v1",
                 "time":"2024-01-01T12:00:01Z","subject":"%s","datacontenttype":"application/json",
                 "data":{"user_id":"%s","event_type":"click","timestamp":"2024-01-01T12:00:00Z"}}
                """.formatted(userId, userId));

        String eventId = accepted(response);
        ConsumerRecord<String, String> record = TopicProbe.firstWithKey(userId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo("ce-1");
        assertThat(header(record, "ce_source")).isEqualTo("/web-shop");
        assertThat(header(record, "ce_type")).isEqualTo("io.eventflow.user_analytics.v1");
        assertThat(header(record, "ce_time")).isEqualTo("2024-01-01T12:00:01Z");
        assertThat(header(record, "ce_subject")).isEqualTo(userId);
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "event-id")).isEqualTo(eventId);
        assertThat(record.value()).contains("\"type\":\"user_analytics\"").contains("\"event_id\":\"" + eventId + "\"")
                .contains("\"event_type\":\"click\"");
    }

    @Test
    void acceptsBinaryModeWithThePlainTypeName() {
        String moleculeId = "mol-" + UUID.randomUUID();
        Response response = target.path("/api/v1/events").request()
                .header("ce-specversion", "1.0").header("ce-id", "b-1").header("ce-source", "urn:lab:bench-7")
                .header("ce-type", "chemical_research")
                .post(Entity.entity("""
                        {"molecule_id":"%s","researcher":"Dr. Smith","data":{"formula":"H2O"},"timestamp":"2024-01-01T12:00:00Z"}
                        """.formatted(moleculeId), MediaType.APPLICATION_JSON));

        String eventId = accepted(response);
        ConsumerRecord<String, String> record = TopicProbe.firstWithKey(moleculeId);
        assertThat(header(record, "ce_id")).isEqualTo("b-1");
        assertThat(header(record, "ce_source")).isEqualTo("urn:lab:bench-7");
        assertThat(header(record, "ce_type")).isEqualTo("io.eventflow.chemical_research.v1");
        assertThat(header(record, "ce_time")).isEqualTo("2024-01-01T12:00:00Z");
        assertThat(record.value()).contains("\"type\":\"chemical_research\"").contains(eventId);
    }

    @Test
    void contractEndpointRecordsAreCloudEventsToo() {
        String userId = "user-" + UUID.randomUUID();
        String eventId = accepted(target.path("/api/v1/events/analytics").request().post(Entity.entity(
                "{\"user_id\":\"%s\",\"event_type\":\"click\",\"timestamp\":\"2024-01-01T12:00:00Z\"}".formatted(userId),
                MediaType.APPLICATION_JSON)));

        ConsumerRecord<String, String> record = TopicProbe.firstWithKey(userId);
        assertThat(header(record, "ce_id")).isEqualTo(eventId);
        assertThat(header(record, "ce_source")).isEqualTo("/eventflow/publisher");
        assertThat(header(record, "ce_type")).isEqualTo("io.eventflow.user_analytics.v1");
    }

    @Test
    void dropsUnknownFieldsSoTheyCannotReplaceTheEnvelope() {
        String userId = "user-" + UUID.randomUUID();
        String eventId = accepted(structured("""
                {"specversion":"1.0","id":"%s","source":"/web","type":"user_analytics",
                 "data":{"user_id":"%s","event_type":"click","timestamp":"2024-01-01T12:00:00Z",
                         "type":"chemical_research","event_id":"not-an-id","client_ip":"10.0.0.1"}}
                """.formatted(UUID.randomUUID(), userId)));

        String value = TopicProbe.firstWithKey(userId).value();
        assertThat(value).contains("\"type\":\"user_analytics\"").contains("\"event_id\":\"" + eventId + "\"")
                .doesNotContain("client_ip").doesNotContain("not-an-id").doesNotContain("chemical_research");
    }

    @Test
    void rejectsAnUnknownType() {
        Response response = structured("""
                {"specversion":"1.0","id":"x-1","source":"/web","type":"com.example.order_placed","data":{}}
                """);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"type\"").contains("not a known event type")
                .contains("io.eventflow.user_analytics.v1");
    }

    @Test
    void namesMissingAttributesAndInvalidDataFields() {
        Response response = structured("""
                {"specversion":"0.3","type":"user_analytics","data":{"event_type":"click","timestamp":"yesterday"}}
                """);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"id\"").contains("\"field\":\"source\"")
                .contains("\"field\":\"specversion\"").contains("\"pointer\":\"/data/user_id\"")
                .contains("\"field\":\"data.timestamp\"");
    }

    @Test
    void namesMissingBinaryModeHeaders() {
        Response response = target.path("/api/v1/events").request().header("ce-type", "user_analytics")
                .post(Entity.entity("{\"user_id\":\"u\",\"event_type\":\"click\",\"timestamp\":\"2024-01-01T12:00:00Z\"}",
                        MediaType.APPLICATION_JSON));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"ce-specversion\"").contains("\"field\":\"ce-id\"")
                .contains("\"field\":\"ce-source\"");
    }

    private Response structured(String json) {
        return target.path("/api/v1/events").request().post(Entity.entity(json, STRUCTURED));
    }

    private static String accepted(Response response) {
        assertThat(response.getStatus()).as(() -> response.readEntity(String.class)).isEqualTo(202);
        Map<?, ?> body = response.readEntity(Map.class);
        assertThat(body.get("message")).isEqualTo("Event published");
        return (String) body.get("event_id");
    }
}
