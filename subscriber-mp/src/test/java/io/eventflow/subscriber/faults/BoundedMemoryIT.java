package io.eventflow.subscriber.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.Infrastructure;
import io.eventflow.testing.ManagedProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Large valid events cannot exhaust the subscriber's heap: a subscriber process with a 160 MiB heap runs, and 300
 * events of ~200 KB (60 MB) arrive in a burst, far faster than it stores them. Read-ahead and each bulk insert are
 * bounded in bytes, so every event is stored and the process lives; without the bounds it read up to 1,000 records
 * ahead and put all it had in one bulk insert, several copies of each in memory at once. (To see that, pass
 * {@code -Dbounded-memory-it.subscriber-options="-Deventflow.consumer.max-in-flight-bytes=1000000000000
 * -Deventflow.consumer.max-batch-bytes=1000000000000"} to Maven.) The process's GC log is written beside its log.
 * Then a SIGTERM: the process
 * drains - every stored record's offset is committed and the consumer leaves its group before the process exits.
 */
@ExtendWith(Infrastructure.class)
class BoundedMemoryIT {

    private static final int EVENTS = 300;
    private static final int EVENT_BYTES = 200 * 1024;

    @Test
    void storesEveryLargeEventWithASmallHeapThenDrainsOnSigterm() throws Exception {
        String run = "mem-" + UUID.randomUUID().toString().substring(0, 8);

        try (ManagedProcess subscriber = startSubscriber()) {
            produceBurst(run);
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                assertThat(subscriber.process().isAlive()).as("subscriber alive; see " + subscriber.logFile()).isTrue();
                return storedEvents(run) == EVENTS;
            });
            assertThat(subscriber.process().isAlive()).isTrue();
            assertThat(Files.readString(subscriber.logFile())).doesNotContain("OutOfMemoryError");

            // drain: SIGTERM; the process commits what it stored and leaves its group before it exits
            subscriber.process().destroy();
            assertThat(subscriber.process().waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrapServers()))) {
            assertThat(admin.describeConsumerGroups(List.of("eventflow-subscriber")).all().get()
                    .get("eventflow-subscriber").members()).as("members left after the drain").isEmpty();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("eventflow-subscriber")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                    .stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            assertThat(committed).as("every record committed").allSatisfy((partition, offset) ->
                    assertThat(offset.offset()).isEqualTo(ends.get(partition).offset()));
        }
    }

    private static void produceBurst(String run) throws Exception {
        String blob = "x".repeat(EVENT_BYTES);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String userId = run + "-" + i;
                sent.add(producer.send(new ProducerRecord<>("eventflow.events", userId, """
                        {"type":"user_analytics","event_id":"%s","user_id":"%s","event_type":"upload",
                         "timestamp":"2024-01-01T12:00:00Z","metadata":{"blob":"%s"}}"""
                        .formatted(UUID.randomUUID(), userId, blob))));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        }
    }

    /** The subscriber in a JVM of its own with a 160 MiB heap, that exits on OutOfMemoryError. */
    private static ManagedProcess startSubscriber() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path logs = Files.createDirectories(Path.of("target", "bounded-memory-it")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Devkit.javaExecutable(), "-Xmx160m",
                "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + logs.resolve("gc.log"),
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-Dkafka.bootstrap.servers=" + Infrastructure.kafkaBootstrapServers(),
                "-Ddb.url=" + Infrastructure.jdbcUrl(), "-Ddb.user=postgres", "-Ddb.password=postgres",
                "-Dserver.port=" + Devkit.freePort(), "-Deventflow.dashboard.enabled=false"));
        for (String key : List.of("ObjectStoreEnvironmentBean.objectStoreDir",
                "ObjectStoreEnvironmentBean.stateStore.objectStoreDir",
                "ObjectStoreEnvironmentBean.communicationStore.objectStoreDir")) {
            String value = System.getProperty(key);
            if (value != null) {
                command.add("-D" + key + "=" + value + "-memory-it");
            }
        }
        String options = System.getProperty("bounded-memory-it.subscriber-options", "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath, "io.helidon.microprofile.cdi.Main"));
        return ManagedProcess.start(new ProcessBuilder(command).directory(logs.toFile()),
                logs.resolve("subscriber.log"), "Server started on", Duration.ofSeconds(300));
    }

    private static int storedEvents(String run) throws Exception {
        try (Connection c = DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM user_analytics_events WHERE user_id LIKE '" + run + "-%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
