package io.eventflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two subscriber processes share one consumer group, broker and database: every event is stored once. */
class ScaleOutE2ETest {

    private static final int EVENTS = 300;
    private final List<ManagedProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    @Test
    void twoSubscribersProcessEveryEventExactlyOnce() throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e").toAbsolutePath()), "scale-");
        int kafkaPort = Devkit.freePort();
        int postgresPort = Devkit.freePort();
        processes.add(Devkit.start("KafkaBroker", "EVENTFLOW KAFKA READY", kafkaPort, home.resolve("kafka"), home,
                "--controller-port", String.valueOf(Devkit.freePort())));
        processes.add(Devkit.start("PostgresServer", "EVENTFLOW POSTGRES READY", postgresPort,
                home.resolve("postgres"), home));
        String bootstrap = "127.0.0.1:" + kafkaPort;
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/eventflow";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("eventflow.events", 6, (short) 1))).all().get();
        }
        for (int i = 1; i <= 2; i++) {
            Path workDir = Files.createDirectories(home.resolve("subscriber-" + i));
            processes.add(ServiceProcess.start("subscriber-mp", workDir, Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", bootstrap, "DB_URL", jdbcUrl,
                    "SERVER_PORT", String.valueOf(Devkit.freePort()),
                    "EVENTFLOW_DASHBOARD_ENABLED", "false",
                    // the subscriber refuses to start without API keys; this test calls no route
                    "EVENTFLOW_SECURITY_API_KEYS", "e2e:" + UUID.randomUUID().toString().replace("-", ""))));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeConsumerGroups(List.of("eventflow-subscriber"))
                    .all().get().get("eventflow-subscriber").members().stream()
                    .filter(member -> !member.assignment().topicPartitions().isEmpty()).count() == 2);
        }

        publish(bootstrap);

        await().atMost(Duration.ofMinutes(3)).until(() -> count(jdbcUrl,
                "SELECT count(*) FROM event_processing_status WHERE status = 'completed'") >= EVENTS);
        assertThat(count(jdbcUrl, "SELECT count(*) FROM user_analytics_events")).isEqualTo(EVENTS);
        assertThat(count(jdbcUrl, "SELECT count(DISTINCT event_id) FROM user_analytics_events")).isEqualTo(EVENTS);
        assertThat(count(jdbcUrl, "SELECT count(*) FROM event_processing_status")).isEqualTo(EVENTS);
    }

    private static void publish(String bootstrap) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String user = "user-" + (i % 20);
                sends.add(producer.send(new ProducerRecord<>("eventflow.events", user, """
                        {"type":"user_analytics","event_id":"%s","user_id":"%s","event_type":"click",
                         "timestamp":"2024-01-01T12:00:00Z"}""".formatted(UUID.randomUUID(), user))));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        }
    }

    private static long count(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
