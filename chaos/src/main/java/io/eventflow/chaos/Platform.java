package io.eventflow.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;
import io.eventflow.testing.ProcessingMode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import java.util.concurrent.TimeoutException;

/**
 * The whole platform as real processes on free loopback ports with one data folder: the devkit's broker and
 * database, the publisher, the subscriber and, when asked, a worker-only subscriber; each can be killed, stopped
 * and started again on the same ports and data. Every subscriber and worker process runs in one processing mode.
 */
final class Platform implements AutoCloseable {

    static final String TOPIC = "eventflow.events";
    static final String DEAD_LETTER_TOPIC = "eventflow.events.dlq";
    static final String GROUP = "eventflow-subscriber";
    static final int PARTITIONS = 6;
    static final String KEY_NAME = "chaos";

    private final Path home;
    private final ProcessingMode mode;
    private final int kafkaPort = Devkit.freePort();
    private final int controllerPort = Devkit.freePort();
    private final int postgresPort = Devkit.freePort();
    private final int publisherPort = Devkit.freePort();
    private final String apiKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final Map<Component, ManagedProcess> processes = new EnumMap<>(Component.class);
    private final List<ManagedProcess> extraSubscribers = new ArrayList<>();

    private Platform(Path home, ProcessingMode mode) {
        this.home = home;
        this.mode = mode;
    }

    /**
     * Starts every process, the subscribers and the worker in {@code mode}, and returns once the subscriber's consumer
     * holds partitions.
     */
    static Platform start(Path home, boolean withWorker, ProcessingMode mode) throws IOException {
        Platform platform = new Platform(Files.createDirectories(home), mode);
        try {
            platform.startAll(withWorker);
            return platform;
        } catch (IOException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(boolean withWorker) throws IOException {
        Map<Component, CompletableFuture<ManagedProcess>> infrastructure = new EnumMap<>(Component.class);
        infrastructure.put(Component.BROKER, async(() -> Devkit.startKafka(kafkaPort, controllerPort,
                home.resolve("kafka"), home)));
        infrastructure.put(Component.DATABASE, async(() -> Devkit.startPostgres(postgresPort, postgresDir(), home)));
        joinAll(infrastructure);
        createTopics();
        Map<Component, CompletableFuture<ManagedProcess>> services = new EnumMap<>(Component.class);
        services.put(Component.PUBLISHER, async(() -> startService("publisher-mp", "publisher",
                Map.of("SERVER_PORT", String.valueOf(publisherPort)))));
        services.put(Component.SUBSCRIBER, async(() -> startSubscriber("subscriber", 1)));
        if (withWorker) {
            services.put(Component.WORKER, async(() -> startService("subscriber-mp", "worker", Map.of(
                    "SERVER_PORT", String.valueOf(Devkit.freePort()), "MP_CONFIG_PROFILE", "worker"))));
        }
        joinAll(services);
        awaitConsumers(1, Duration.ofSeconds(90));
    }

    /** The publisher's base URL. */
    String publisherUrl() {
        return "http://127.0.0.1:" + publisherPort;
    }

    /** The key the publisher accepts in {@code X-API-Key}. */
    String apiKey() {
        return apiKey;
    }

    /** A new connection to the platform's database. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/eventflow"
                + "?connectTimeout=5&socketTimeout=30", "postgres", "postgres");
    }

    /** The folder with every process's log. */
    Path home() {
        return home;
    }

    /** The running process of a component. */
    ManagedProcess process(Component component) {
        ManagedProcess process = processes.get(component);
        if (process == null) {
            throw new IllegalStateException("This platform runs no " + component.label());
        }
        return process;
    }

    /** Kills a component and everything it started with SIGKILL (no shutdown hooks run). */
    void kill(Component component) {
        process(component).kill();
    }

    /** Sends SIGTERM and waits up to {@code grace}; returns whether it exited by itself in time. */
    boolean terminate(Component component, Duration grace) {
        return process(component).terminate(grace);
    }

    /** Starts a stopped component again on the same ports and data and waits until it is ready. */
    void restart(Component component) throws IOException {
        processes.put(component, process(component).restart());
    }

    /** The pid of PostgreSQL's postmaster, from its {@code postmaster.pid}. */
    Optional<Long> postmasterPid() {
        return Devkit.postmasterPid(postgresDir());
    }

    /** Whether a new connection to the database can be opened right now. */
    boolean databaseAnswers() {
        try (Connection connection = connect()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Starts one more subscriber process in the same consumer group; returns once it is ready. */
    ManagedProcess startExtraSubscriber() throws IOException {
        ManagedProcess extra = startSubscriber("subscriber-" + (extraSubscribers.size() + 2), extraSubscribers.size() + 2);
        extraSubscribers.add(extra);
        return extra;
    }

    /** Waits until at least {@code members} consumers of the group hold partitions. */
    void awaitConsumers(int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (membersWithPartitions(admin) >= members) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Fewer than " + members + " subscriber(s) got partitions within " + timeout
                + "; see the logs in " + home);
    }

    private static long membersWithPartitions(Admin admin) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                    .get(5, TimeUnit.SECONDS).get(GROUP);
            return group.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void createTopics() {
        try (Admin admin = admin()) {
            for (NewTopic topic : List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1),
                    new NewTopic(DEAD_LETTER_TOPIC, 1, (short) 1))) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic.name(), e);
                    }
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Could not create the topics", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private ManagedProcess startSubscriber(String name, int instance) throws IOException {
        return startService("subscriber-mp", name, Map.of("SERVER_PORT", String.valueOf(Devkit.freePort()),
                // static membership once the subscriber supports it: a restarted process takes its place back
                "EVENTFLOW_CONSUMER_INSTANCE_ID", "chaos-subscriber-" + instance));
    }

    private ManagedProcess startService(String module, String name, Map<String, String> own) throws IOException {
        Map<String, String> env = new HashMap<>(own);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/eventflow");
        env.put("EVENTFLOW_SECURITY_API_KEYS", KEY_NAME + ":" + apiKey);
        // the load is the point here, not the per-key limit
        env.put("EVENTFLOW_SECURITY_RATE_LIMIT_ENABLED", "false");
        env.put("EVENTFLOW_DASHBOARD_ENABLED", "false");
        if ("subscriber-mp".equals(module)) {
            // subscribers and workers alike: a worker runs the jobs the subscriber's mode schedules
            env.put(ProcessingMode.VARIABLE, mode.value());
        }
        Path workDir = Files.createDirectories(home.resolve(name));
        return Devkit.startService(module, name, workDir, env);
    }

    private Path postgresDir() {
        return home.resolve("postgres");
    }

    /** Stops every process still running: services first, then the broker and the database. */
    @Override
    public void close() {
        extraSubscribers.forEach(ManagedProcess::close);
        for (Component component : List.of(Component.PUBLISHER, Component.WORKER, Component.SUBSCRIBER,
                Component.BROKER, Component.DATABASE)) {
            ManagedProcess process = processes.get(component);
            if (process != null) {
                process.close();
            }
        }
    }

    private interface Starter {
        ManagedProcess start() throws IOException;
    }

    private static CompletableFuture<ManagedProcess> async(Starter starter) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return starter.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits for every start; keeps those that worked (so close() stops them) and throws the first failure. */
    private void joinAll(Map<Component, CompletableFuture<ManagedProcess>> starts) throws IOException {
        Throwable failure = null;
        for (Map.Entry<Component, CompletableFuture<ManagedProcess>> start : starts.entrySet()) {
            try {
                processes.put(start.getKey(), start.getValue().join());
            } catch (CompletionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
