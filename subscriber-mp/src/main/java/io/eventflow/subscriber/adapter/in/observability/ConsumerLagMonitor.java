package io.eventflow.subscriber.adapter.in.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The subscriber's consumer lag: records on the topic not yet committed by its consumer group. */
@ApplicationScoped
class ConsumerLagMonitor {

    private static final long TIMEOUT_MS = 2000;
    private final Admin admin;
    private final String groupId;

    @Inject
    ConsumerLagMonitor(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "mp.messaging.incoming.events-in.group.id") String groupId) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS));
        this.groupId = groupId;
    }

    /** Total lag over the group's partitions; throws when the broker does not answer in time. */
    long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (committed.isEmpty()) {
            return 0;
        }
        var ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return committed.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset()))
                .sum();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
