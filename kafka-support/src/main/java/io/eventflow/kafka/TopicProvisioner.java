package io.eventflow.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics a service needs when they are missing, and checks those that exist against the configured
 * durability: fewer replicas or a lower {@code min.insync.replicas} than configured is logged as a warning and
 * reported, so that health can show it. Creating a topic that another process has just created is harmless.
 */
public final class TopicProvisioner {

    private static final Logger LOGGER = Logger.getLogger(TopicProvisioner.class.getName());
    private final Admin admin;
    private final Duration timeout;

    /** Creates the provisioner on an admin client it does not own; each broker call waits at most {@code timeout}. */
    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * What a topic should look like.
     *
     * @param name              the topic
     * @param partitions        partitions of a new topic; an existing one with fewer is reported
     * @param replicationFactor replicas of a new topic; the durability minimum of an existing one
     * @param minInsyncReplicas {@code min.insync.replicas} of a new topic; the minimum of an existing one
     */
    public record TopicSpec(String name, int partitions, short replicationFactor, int minInsyncReplicas) {

        /** Requires a name and positive figures. */
        public TopicSpec {
            Objects.requireNonNull(name, "name");
            if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1) {
                throw new IllegalArgumentException("topic " + name + ": partitions, replication factor and"
                        + " min.insync.replicas must be at least 1");
            }
        }
    }

    /**
     * What was found or done for one topic.
     *
     * @param name     the topic
     * @param created  true if this call created it
     * @param warnings where an existing topic falls short of its spec; empty when it does not
     */
    public record TopicReport(String name, boolean created, List<String> warnings) {

        /** Copies the warnings. */
        public TopicReport {
            warnings = List.copyOf(warnings);
        }
    }

    /** Ensures every topic; throws when the broker cannot be reached or refuses. */
    public List<TopicReport> ensureAll(List<TopicSpec> specs) {
        return specs.stream().map(this::ensure).toList();
    }

    /** Creates the topic when it is missing, else checks it; throws when the broker cannot be reached or refuses. */
    public TopicReport ensure(TopicSpec spec) {
        try {
            TopicDescription description = describe(spec.name());
            if (description == null && create(spec)) {
                LOGGER.info(() -> "Created topic " + spec.name() + " with " + spec.partitions() + " partitions,"
                        + " replication factor " + spec.replicationFactor() + ", min.insync.replicas "
                        + spec.minInsyncReplicas());
                return new TopicReport(spec.name(), true, List.of());
            }
            TopicReport report = new TopicReport(spec.name(), false,
                    check(spec, description != null ? description : describe(spec.name())));
            report.warnings().forEach(LOGGER::warning);
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topic " + spec.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not provision topic " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private TopicDescription describe(String topic) throws InterruptedException, ExecutionException,
            TimeoutException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    /** Returns false when another process created it first. */
    private boolean create(TopicSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor())
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(spec.minInsyncReplicas())));
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    private List<String> check(TopicSpec spec, TopicDescription description) throws InterruptedException,
            ExecutionException, TimeoutException {
        List<String> warnings = new ArrayList<>();
        if (description == null) {
            return warnings;
        }
        int replicas = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        if (replicas < spec.replicationFactor()) {
            warnings.add("Topic " + spec.name() + " has replication factor " + replicas + ", below the configured"
                    + " minimum " + spec.replicationFactor() + ": losing a broker can lose accepted events."
                    + " Raise it with kafka-reassign-partitions, or lower the configured minimum on purpose.");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        var minIsr = config == null ? null : config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        int minInsync = minIsr == null || minIsr.value() == null ? 1 : Integer.parseInt(minIsr.value());
        if (minInsync < spec.minInsyncReplicas()) {
            warnings.add("Topic " + spec.name() + " has min.insync.replicas " + minInsync + ", below the configured"
                    + " minimum " + spec.minInsyncReplicas() + ": an acknowledged write may live on too few brokers."
                    + " Set it with kafka-configs --alter --add-config min.insync.replicas="
                    + spec.minInsyncReplicas() + ".");
        }
        List<TopicPartitionInfo> partitions = description.partitions();
        if (partitions.size() < spec.partitions()) {
            warnings.add("Topic " + spec.name() + " has " + partitions.size() + " partitions, fewer than the"
                    + " configured " + spec.partitions() + ": fewer consumers can share its work.");
        }
        return warnings;
    }
}
