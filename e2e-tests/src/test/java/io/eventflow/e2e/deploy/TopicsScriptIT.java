package io.eventflow.e2e.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helm/eventflow/files/ensure-topics.sh (the chart's topics hook Job and compose's topics service) against a real
 * broker. Kafka's shell scripts are stood in for by two wrappers that run the same tool classes
 * ({@code TopicCommand}, {@code ConfigCommand}) from the devkit's Kafka jars.
 */
@ExtendWith(Infrastructure.class)
class TopicsScriptIT {

    private static final Path SCRIPT = Devkit.projectRoot().resolve("helm/eventflow/files/ensure-topics.sh");

    @TempDir
    Path bin;

    @Test
    void createsAMissingTopicWithItsSettingsAndRefusesAnExistingOneWithFewerPartitions() throws Exception {
        writeTool("kafka-topics.sh", "org.apache.kafka.tools.TopicCommand");
        writeTool("kafka-configs.sh", "kafka.admin.ConfigCommand");
        String fresh = "ensure-topics-" + UUID.randomUUID();
        String existing = "ensure-topics-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(existing, 2, (short) 1)
                    .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);

            // one run, as the hook Job makes it: every JVM start of Kafka's tools costs seconds
            Run run = run(fresh + " " + existing, 4, "2");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("topic " + fresh + ": 4 partitions, replication factor 1, "
                            + "min.insync.replicas 2")
                    .contains("ERROR: topic " + existing + " has 2 partitions, the values ask for 4");
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(fresh, existing)).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(topics.get(fresh).partitions()).hasSize(4);
            assertThat(topics.get(existing).partitions()).hasSize(2);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, fresh);
            assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("min.insync.replicas").value()).isEqualTo("2");
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()));
    }

    private Run run(String topics, int partitions, String minInsyncReplicas) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("KAFKA_BIN", bin.toString(),
                "BOOTSTRAP_SERVERS", Infrastructure.kafkaBootstrapServers(), "TOPICS", topics,
                "PARTITIONS", String.valueOf(partitions), "REPLICATION_FACTOR", "1",
                "MIN_INSYNC_REPLICAS", minInsyncReplicas));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ensure-topics.sh did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    private void writeTool(String name, String mainClass) throws IOException {
        Path devkit = Devkit.projectRoot().resolve("devkit/target");
        String classpath = devkit.resolve("devkit.jar") + ":" + devkit.resolve("libs") + "/*";
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/bash\nexec '" + Devkit.javaExecutable() + "' -Xmx256m -XX:TieredStopAtLevel=1 "
                + "-cp '" + classpath + "' " + mainClass + " \"$@\"\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exitCode, String output) {
    }
}
