package io.eventflow.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import io.eventflow.kafka.TopicProvisioner.TopicReport;
import io.eventflow.kafka.TopicProvisioner.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The topics one service needs, created when missing and checked when they exist, with what health shows of them:
 * the warnings about topics below the configured durability, or why they could not be checked. A start while the
 * broker is away is never an error: the check is tried again when health asks, at most every
 * {@value #RETRY_SECONDS} s. Owns its admin client; close it with the service.
 */
public final class ProvisionedTopics implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(ProvisionedTopics.class.getName());
    private static final long RETRY_SECONDS = 30;
    private static final long RETRY_NANOS = Duration.ofSeconds(RETRY_SECONDS).toNanos();

    private final boolean enabled;
    private final List<TopicSpec> specs;
    private final Admin admin;
    private final TopicProvisioner provisioner;
    private volatile List<TopicReport> reports;
    private volatile String lastError = "not checked yet";
    private volatile long lastAttempt = System.nanoTime() - RETRY_NANOS;

    /**
     * Prepares the topics; nothing is contacted before {@link #provision()}.
     *
     * @param bootstrapServers the broker
     * @param enabled          {@code eventflow.topics.provision}: false leaves the topics alone
     * @param specs            the topics and their durability
     */
    public ProvisionedTopics(String bootstrapServers, boolean enabled, List<TopicSpec> specs) {
        this.enabled = enabled;
        this.specs = List.copyOf(specs);
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        this.provisioner = new TopicProvisioner(admin, Duration.ofSeconds(5));
    }

    /** Creates or checks every topic; a failure is logged and kept for health, never thrown. */
    public List<TopicReport> provision() {
        if (!enabled) {
            lastError = null;
            return List.of();
        }
        lastAttempt = System.nanoTime();
        try {
            reports = provisioner.ensureAll(specs);
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOGGER.log(Level.WARNING, "Could not create or check the topics "
                    + specs.stream().map(TopicSpec::name).collect(Collectors.joining(", "))
                    + "; trying again when health is asked", e);
        }
        List<TopicReport> current = reports;
        return current == null ? List.of() : current;
    }

    /** Creates {@code spec}'s topic if it went missing; throws when the broker refuses. */
    public TopicReport ensure(TopicSpec spec) {
        return provisioner.ensure(spec);
    }

    /** Warnings about existing topics below the configured durability; empty when all is well. */
    public List<String> warnings() {
        if (enabled && reports == null && System.nanoTime() - lastAttempt > RETRY_NANOS) {
            provision();
        }
        List<TopicReport> current = reports;
        return current == null ? List.of() : current.stream().flatMap(r -> r.warnings().stream()).toList();
    }

    /** Why the topics could not be checked, or null once they were (or provisioning is off). */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
