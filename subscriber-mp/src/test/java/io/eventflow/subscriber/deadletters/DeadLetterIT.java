package io.eventflow.subscriber.deadletters;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead-letter browse and redrive against the real broker and PostgreSQL, with real poison records sent through the
 * events topic and dead-lettered by the consumer. The scenario: a client sent a user_analytics event whose
 * timestamp has no zone offset (the contract requires one); it is listed with that reason; redriven as it is it
 * fails again (nothing was fixed); redriven with the timestamp corrected - same event id - it is stored, and a
 * second corrected redrive stores nothing more. Records of an event type this subscriber does not know are
 * redriven in bulk by their reason, and only they.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final UUID BAD_TIME_ID = UUID.randomUUID();
    private static final String BAD_TIME_KEY = "user-dlq-" + RUN;
    private static final String UNKNOWN_TYPE = "lab_result_" + RUN;
    private static final String NOT_JSON_KEY = "not-json-" + RUN;
    private static KafkaProducer<String, String> producer;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void sendPoisonRecords() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        send(BAD_TIME_KEY, analytics(BAD_TIME_ID, BAD_TIME_KEY, "2024-01-01 12:00:00"));
        send("lab-1-" + RUN, "{\"type\":\"" + UNKNOWN_TYPE + "\",\"event_id\":\"" + UUID.randomUUID() + "\"}");
        send("lab-2-" + RUN, "{\"type\":\"" + UNKNOWN_TYPE + "\",\"event_id\":\"" + UUID.randomUUID() + "\"}");
        send(NOT_JSON_KEY, "user_id=u1;event_type=click");
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    @Order(1)
    void listsAPoisonRecordWithItsReasonAndOrigin() {
        Map<?, ?> letter = awaitLetters("timestamp", BAD_TIME_KEY, 1).getFirst();

        assertThat((String) letter.get("reason")).startsWith("invalid user_analytics event: timestamp");
        assertThat(letter.get("event_id")).isEqualTo(BAD_TIME_ID.toString());
        assertThat(letter.get("event_type")).isEqualTo("user_analytics");
        assertThat(letter.get("dead_lettered_at")).isNotNull();
        assertThat((String) letter.get("payload_preview")).contains("2024-01-01 12:00:00");
        Map<?, ?> original = (Map<?, ?>) letter.get("original");
        assertThat(original.get("topic")).isEqualTo("eventflow.events");
        assertThat(original.get("partition")).isNotNull();
        assertThat(original.get("offset")).isNotNull();
        Map<?, ?> whole = target.path("/api/v1/dead-letters/" + letter.get("id")).request().get(Map.class);
        assertThat((String) whole.get("payload")).isEqualTo(analytics(BAD_TIME_ID, BAD_TIME_KEY,
                "2024-01-01 12:00:00"));
        assertThat(awaitLetters("not json", NOT_JSON_KEY, 1).getFirst().get("reason"))
                .asString().startsWith("record value is not JSON");
    }

    @Test
    @Order(2)
    void pagesNewestFirst() {
        awaitLetters(UNKNOWN_TYPE, null, 2);

        Map<?, ?> first = page("limit=1&reason=" + UNKNOWN_TYPE);
        Map<?, ?> second = page("limit=1&offset=1&reason=" + UNKNOWN_TYPE);
        Map<?, ?> beyond = page("limit=1&offset=2&reason=" + UNKNOWN_TYPE);

        assertThat(first.get("total")).isEqualTo(2);
        Map<?, ?> newer = (Map<?, ?>) ((List<?>) first.get("dead_letters")).getFirst();
        Map<?, ?> older = (Map<?, ?>) ((List<?>) second.get("dead_letters")).getFirst();
        // both records were dead-lettered within milliseconds from two partitions: which one is newer is the broker's
        assertThat(List.of(newer.get("key"), older.get("key"))).containsExactlyInAnyOrder("lab-1-" + RUN, "lab-2-" + RUN);
        assertThat(Instant.parse((String) newer.get("dead_lettered_at")))
                .isAfterOrEqualTo(Instant.parse((String) older.get("dead_lettered_at")));
        assertThat((List<?>) beyond.get("dead_letters")).isEmpty();
        assertThat(target.path("/api/v1/dead-letters").queryParam("limit", 0).request().get().getStatus())
                .isEqualTo(422);
    }

    @Test
    @Order(3)
    void storesTheCorrectedEventExactlyOnceAfterARedriveThatFailedAgain() throws Exception {
        String id = (String) awaitLetters("timestamp", BAD_TIME_KEY, 1).getFirst().get("id");

        // nothing fixed yet: the record comes back to the dead-letter topic, marked as a redrive of the first
        assertThat(post("/api/v1/dead-letters/" + id + "/redrive", "").getStatus()).isEqualTo(202);
        List<Map<?, ?>> again = awaitLetters("timestamp", BAD_TIME_KEY, 2);
        assertThat(again.getFirst().get("redrive_of")).isEqualTo(id);

        String fixed = analytics(BAD_TIME_ID, BAD_TIME_KEY, "2024-01-01T12:00:00Z");
        Response redriven = post("/api/v1/dead-letters/" + id + "/redrive", fixed);
        assertThat(redriven.getStatus()).isEqualTo(202);
        assertThat(redriven.readEntity(Map.class).get("event_id")).isEqualTo(BAD_TIME_ID.toString());
        await().atMost(WAIT).until(() -> "completed".equals(status(BAD_TIME_ID)));
        assertThat(rows(BAD_TIME_ID)).isEqualTo(1);

        // the same correction again: processed (a later event on the same key completes after it) and not stored
        assertThat(post("/api/v1/dead-letters/" + id + "/redrive", fixed).getStatus()).isEqualTo(202);
        UUID later = UUID.randomUUID();
        send(BAD_TIME_KEY, analytics(later, BAD_TIME_KEY, "2024-01-02T12:00:00Z"));
        await().atMost(WAIT).until(() -> "completed".equals(status(later)));
        assertThat(rows(BAD_TIME_ID)).isEqualTo(1);
        assertThat(awaitLetters("timestamp", BAD_TIME_KEY, 2)).hasSize(2);
    }

    @Test
    @Order(4)
    void refusesACorrectionThatChangesTheEventId() {
        String id = (String) awaitLetters("timestamp", BAD_TIME_KEY, 1).getFirst().get("id");

        Response changed = post("/api/v1/dead-letters/" + id + "/redrive",
                analytics(UUID.randomUUID(), BAD_TIME_KEY, "2024-01-01T12:00:00Z"));
        Response notJson = post("/api/v1/dead-letters/" + id + "/redrive", "{broken");
        Response unknown = post("/api/v1/dead-letters/9-99999999/redrive", "");

        assertThat(changed.getStatus()).isEqualTo(422);
        assertThat(changed.readEntity(Map.class).get("detail")).asString().contains("event_id must stay");
        assertThat(notJson.getStatus()).isEqualTo(422);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(target.path("/api/v1/dead-letters/not-an-id").request().get().getStatus()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void redrivesOnlyTheRecordsWithTheGivenReasonInBulk() {
        awaitLetters(UNKNOWN_TYPE, null, 2);
        int notJsonBefore = awaitLetters("not json", NOT_JSON_KEY, 1).size();

        Response bulk = post("/api/v1/dead-letters/redrive?reason=" + UNKNOWN_TYPE, "");

        assertThat(bulk.getStatus()).isEqualTo(202);
        assertThat(bulk.readEntity(Map.class).get("redriven")).isEqualTo(2);
        // still unknown to this subscriber, so both come back, each marked as a redrive
        List<Map<?, ?>> back = awaitLetters(UNKNOWN_TYPE, null, 4);
        assertThat(back.stream().filter(l -> l.get("redrive_of") != null)).hasSize(2);
        assertThat(letters("not json", NOT_JSON_KEY)).hasSize(notJsonBefore);
    }

    @Test
    @Order(6)
    void countsDeadLettersAndRedrives() {
        String metrics = target.path("/metrics").request("text/plain").get(String.class);

        assertThat(metrics).containsPattern("dead_letters_redriven_total(\\{[^}]*})? ([5-9]|\\d\\d)");
        assertThat(metrics).containsPattern("dead_letter_records(\\{[^}]*})? ([7-9]|\\d\\d)");
    }

    private List<Map<?, ?>> awaitLetters(String reason, String key, int count) {
        AtomicReference<List<Map<?, ?>>> found = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            found.set(letters(reason, key));
            return found.get().size() >= count;
        });
        return found.get();
    }

    private List<Map<?, ?>> letters(String reason, String key) {
        return ((List<?>) page("limit=100&reason=" + reason).get("dead_letters")).stream()
                .<Map<?, ?>>map(l -> (Map<?, ?>) l).filter(l -> key == null || key.equals(l.get("key"))).toList();
    }

    private Map<?, ?> page(String query) {
        WebTarget t = target.path("/api/v1/dead-letters");
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            t = t.queryParam(kv[0], kv[1]);
        }
        return t.request().get(Map.class);
    }

    private Response post(String path, String body) {
        int query = path.indexOf('?');
        WebTarget t = query < 0 ? target.path(path) : target.path(path.substring(0, query))
                .queryParam(path.substring(query + 1).split("=")[0], path.substring(query + 1).split("=")[1]);
        // keys are off here; a JSON content type makes the POST one a web page cannot send cross-site
        return t.request().post(Entity.json(body));
    }

    private static String analytics(UUID eventId, String userId, String timestamp) {
        return "{\"type\":\"user_analytics\",\"event_id\":\"" + eventId + "\",\"user_id\":\"" + userId
                + "\",\"event_type\":\"click\",\"timestamp\":\"" + timestamp + "\",\"metadata\":{}}";
    }

    private static void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>("eventflow.events", key, value)).get();
    }

    private static String status(UUID eventId) throws Exception {
        return query("SELECT status FROM event_processing_status WHERE event_id = ?", eventId);
    }

    private static int rows(UUID eventId) throws Exception {
        return Integer.parseInt(query("SELECT count(*) FROM user_analytics_events WHERE event_id = ?", eventId));
    }

    private static String query(String sql, UUID eventId) throws Exception {
        try (Connection c = DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
