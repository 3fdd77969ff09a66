package io.eventflow.subscriber.adapter.in.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.ConsumerGroupState;
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

    /**
     * This process's place in the consumer group, found by its unique {@code client.id}: whether the group has
     * finished its rebalance with this member in it, and how many partitions the member holds.
     */
    Membership membership(String clientId) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(groupId);
        Optional<MemberDescription> member = group.members().stream()
                .filter(m -> clientId.equals(m.clientId())).findFirst();
        int held = group.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum();
        return new Membership(group.state(), member.isPresent(),
                member.map(m -> m.assignment().topicPartitions().size()).orElse(0), held, group.members().size());
    }

    /**
     * A consumer's place in its group.
     *
     * @param state          the group's state (STABLE once a rebalance is complete)
     * @param member         whether this process is a member
     * @param partitions     partitions this member holds
     * @param heldByGroup    partitions held by all members
     * @param members        members of the group
     */
    record Membership(ConsumerGroupState state, boolean member, int partitions, int heldByGroup, int members) {

        /** True once the group is stable with this process in it: it has its partitions, or knows others hold them. */
        boolean assigned() {
            return member && state == ConsumerGroupState.STABLE;
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
