package io.eventflow.subscriber;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.UUID;

import io.eventflow.testing.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes contract events to the real broker and reads their status from the real database. */
final class TestEvents implements AutoCloseable {

    static final String TOPIC = "eventflow.events";
    private final KafkaProducer<String, String> producer;

    TestEvents() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Publishes a user_analytics event and returns its event id. */
    UUID analytics(String userId, String eventType, String timestamp) throws Exception {
        UUID eventId = UUID.randomUUID();
        send(userId, """
                {"type":"user_analytics","event_id":"%s","user_id":"%s","event_type":"%s",
                 "timestamp":"%s","metadata":{"page":"/home"}}""".formatted(eventId, userId, eventType, timestamp));
        return eventId;
    }

    /** Publishes a chemical_research event with the given {@code data} JSON and returns its event id. */
    UUID chemical(String moleculeId, String researcher, String dataJson, String timestamp) throws Exception {
        UUID eventId = UUID.randomUUID();
        send(moleculeId, """
                {"type":"chemical_research","event_id":"%s","molecule_id":"%s","researcher":"%s",
                 "data":%s,"timestamp":"%s"}""".formatted(eventId, moleculeId, researcher, dataJson, timestamp));
        return eventId;
    }

    /** Publishes a record as it is and waits for the broker's ack. */
    void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }

    /** One column of the event's {@code event_processing_status} row, or null when there is none. */
    static String status(UUID eventId, String column) throws Exception {
        try (Connection c = DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(
                     "SELECT " + column + " FROM event_processing_status WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
