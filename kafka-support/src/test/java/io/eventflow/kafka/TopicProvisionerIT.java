package io.eventflow.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.kafka.TopicProvisioner.TopicReport;
import io.eventflow.kafka.TopicProvisioner.TopicSpec;
import io.eventflow.testing.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Topics are created as configured when missing, and an existing topic below the durability minimum is reported. */
@ExtendWith(Infrastructure.class)
class TopicProvisionerIT {

    private Admin admin;
    private TopicProvisioner provisioner;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()));
        provisioner = new TopicProvisioner(admin, Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void createsAMissingTopicWithItsPartitionsAndMinInsyncReplicas() throws Exception {
        String topic = "provisioned-" + UUID.randomUUID();

        TopicReport report = provisioner.ensure(new TopicSpec(topic, 4, (short) 1, 1));

        assertThat(report.created()).isTrue();
        assertThat(report.warnings()).isEmpty();
        assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(4);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get("min.insync.replicas").value()).isEqualTo("1");
        assertThat(provisioner.ensure(new TopicSpec(topic, 4, (short) 1, 1)).created())
                .as("a second start finds it").isFalse();
    }

    @Test
    void reportsAnExistingTopicBelowTheConfiguredDurability() throws Exception {
        String topic = "weak-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();

        TopicReport report = provisioner.ensure(new TopicSpec(topic, 3, (short) 3, 2));

        assertThat(report.created()).isFalse();
        assertThat(report.warnings()).hasSize(3);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("replication factor 1, below the"
                + " configured minimum 3"));
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("min.insync.replicas 1, below the"
                + " configured minimum 2"));
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("1 partitions, fewer than the"
                + " configured 3"));
    }

    @Test
    void refusesASpecWithoutReplicas() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicSpec("t", 1, (short) 0, 1))
                .withMessageContaining("replication factor");
    }
}
