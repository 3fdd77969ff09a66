package io.eventflow.subscriber;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequest;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The subscriber against a real broker and PostgreSQL: records in, rows and statuses out. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
class EventProcessingIT {

    private static final String TOPIC = "eventflow.events";
    private static final Duration PROCESSING = Duration.ofSeconds(60);
    private static KafkaProducer<String, String> producer;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void startProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @Test
    void storesAnalyticsEventAndCompletesItsStatus() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        UUID eventId = send(userId, analytics(UUID.randomUUID(), userId, "2024-01-01T12:00:00Z"));

        List<?> events = awaitEvents("/api/v1/events/user/" + userId, 1);

        Map<?, ?> event = (Map<?, ?>) events.get(0);
        assertThat(event.get("user_id")).isEqualTo(userId);
        assertThat(event.get("event_type")).isEqualTo("page_view");
        assertThat(event.get("event_id")).isEqualTo(eventId.toString());
        assertThat(event.get("processed_at")).isNotNull();
        assertThat(status(eventId)).isEqualTo("completed");
    }

    @Test
    void ignoresDuplicateEvent() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String record = analytics(eventId, userId, "2024-01-01T12:00:00Z");
        send(userId, record);
        send(userId, record);
        String marker = "user-" + UUID.randomUUID();
        send(marker, analytics(UUID.randomUUID(), marker, "2024-01-01T12:00:00Z"));

        awaitEvents("/api/v1/events/user/" + marker, 1);
        await().atMost(PROCESSING).until(() -> "completed".equals(status(eventId)));

        assertThat(countRows("user_analytics_events", eventId)).isEqualTo(1);
        assertThat(countRows("event_processing_status", eventId)).isEqualTo(1);
        assertThat(list("/api/v1/events/user/" + userId)).hasSize(1);
    }

    @Test
    void deadLettersPoisonRecordAndProcessesTheNextOne() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(TOPIC, poisonKey, "this is not json")).get();
        String userId = "user-" + UUID.randomUUID();
        send(userId, analytics(UUID.randomUUID(), userId, "2024-01-01T12:00:00Z"));

        awaitEvents("/api/v1/events/user/" + userId, 1);
        ConsumerRecord<String, String> dead = awaitDeadLetter(poisonKey);
        assertThat(dead.value()).isEqualTo("this is not json");
        assertThat(new String(dead.headers().lastHeader("dlq-error-msg").value(), StandardCharsets.UTF_8))
                .contains("not JSON");
    }

    @Test
    void storesChemicalEventWithItsEnrichment() throws Exception {
        String researcher = "Dr. Smith " + UUID.randomUUID();
        String moleculeId = "mol-" + UUID.randomUUID();
        send(moleculeId, """
                {"type":"chemical_research","event_id":"%s","molecule_id":"%s","researcher":"%s",
                 "data":{"formula":"H2O"},"timestamp":"2024-01-01T12:00:00Z"}"""
                .formatted(UUID.randomUUID(), moleculeId, researcher));

        List<?> events = awaitEvents("/api/v1/events/researcher/" + researcher.replace(" ", "%20"), 1);

        Map<?, ?> event = (Map<?, ?>) events.get(0);
        assertThat(event.get("molecule_id")).isEqualTo(moleculeId);
        Map<?, ?> properties = (Map<?, ?>) event.get("llm_properties");
        assertThat(properties.get("color")).isEqualTo("colorless");
        assertThat(properties.get("backend")).isEqualTo("reference");
    }

    @Test
    void listsNewestFirstByEventTime() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        send(userId, analytics(UUID.randomUUID(), userId, "2024-01-02T00:00:00Z"));
        send(userId, analytics(UUID.randomUUID(), userId, "2024-01-03T00:00:00Z"));
        send(userId, analytics(UUID.randomUUID(), userId, "2024-01-01T00:00:00Z"));

        List<?> events = awaitEvents("/api/v1/events/user/" + userId, 3);

        assertThat(events).extracting(e -> (String) ((Map<?, ?>) e).get("timestamp"))
                .containsExactly("2024-01-03T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z");
        assertThat((List<?>) target.path("/api/v1/events/user/" + userId).queryParam("limit", 2).request().get(Map.class)
                .get("events")).hasSize(2);
    }

    @Test
    void rejectsLimitOutsideOneToHundred() {
        Response response = target.path("/api/v1/events/user/anyone").queryParam("limit", 101).request().get();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(String.class)).contains("\"field\":\"limit\"");
        assertThat(target.path("/api/v1/events/user/anyone").queryParam("limit", 0).request().get().getStatus())
                .isEqualTo(422);
    }

    @Test
    void answersEmptyListForUnknownUser() {
        assertThat(list("/api/v1/events/user/nobody-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void tellsACompletedEventsStoryWithItsKafkaPositionAndJobId() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        UUID eventId = send(userId, analytics(UUID.randomUUID(), userId, "2024-01-01T12:00:00Z"));
        await().atMost(PROCESSING).until(() -> "completed".equals(status(eventId)));

        Map<?, ?> story = awaitStory(eventId, "SUCCEEDED");

        assertThat(story.get("event_id")).isEqualTo(eventId.toString());
        assertThat(story.get("type")).isEqualTo("user_analytics");
        assertThat(story.get("status")).isEqualTo("completed");
        assertThat(story.get("retry_count")).isEqualTo(0);
        assertThat(story.get("max_retries")).isEqualTo(3);
        assertThat(story.get("last_error")).isNull();
        assertThat(story.get("job_id")).isEqualTo(ProcessEventJobRequest.jobIdFor(eventId).toString());
        assertThat(story.get("attempts")).isEqualTo(1);
        assertThat((String) story.get("received_at")).endsWith("Z");
        assertThat((String) story.get("processed_at")).endsWith("Z");
        Map<?, ?> kafka = (Map<?, ?>) story.get("kafka");
        assertThat(kafka.get("topic")).isEqualTo(TOPIC);
        assertThat((Integer) kafka.get("partition")).isNotNegative();
        assertThat(((Number) kafka.get("offset")).longValue()).isNotNegative();
    }

    @Test
    void answers404ProblemForTheStoryOfAnUnknownEvent() {
        Response response = target.path("/api/v1/events/" + UUID.randomUUID()).request().get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.readEntity(Map.class).get("title")).isEqualTo("Event not found");
    }

    @Test
    void servesTheContractHealthz() {
        Map<?, ?> body = target.path("/healthz").request().get(Map.class);

        assertThat(body.get("status")).isEqualTo("ok");
        assertThat(body.get("service")).isEqualTo("event_subscriber");
    }

    /** The event's story once its job has reached the given JobRunr state. */
    private Map<?, ?> awaitStory(UUID eventId, String jobState) {
        List<Map<?, ?>> found = new ArrayList<>();
        await().atMost(PROCESSING).until(() -> {
            found.add(0, target.path("/api/v1/events/" + eventId).request().get(Map.class));
            return jobState.equals(found.get(0).get("job_state"));
        });
        return found.get(0);
    }

    private static String analytics(UUID eventId, String userId, String timestamp) {
        return """
                {"type":"user_analytics","event_id":"%s","user_id":"%s","event_type":"page_view",
                 "timestamp":"%s","metadata":{"page":"/home"},"published_at":"2024-01-01T12:00:01Z"}"""
                .formatted(eventId, userId, timestamp);
    }

    private static UUID send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        return UUID.fromString(value.replaceAll("(?s).*\"event_id\":\"([^\"]+)\".*", "$1"));
    }

    private List<?> list(String path) {
        return (List<?>) target.path(path).request().get(Map.class).get("events");
    }

    private List<?> awaitEvents(String path, int count) {
        List<List<?>> found = new ArrayList<>();
        await().atMost(PROCESSING).until(() -> {
            List<?> events = list(path);
            found.add(0, events);
            return events.size() >= count;
        });
        return found.get(0);
    }

    private static String status(UUID eventId) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT status FROM event_processing_status WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int countRows(String table, UUID eventId) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC + ".dlq"));
            await().atMost(PROCESSING).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
