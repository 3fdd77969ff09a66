package io.eventflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts a real Kafka broker and a real PostgreSQL once per test JVM, each in
 * its own process, and publishes their addresses as system properties ({@code kafka.bootstrap.servers},
 * {@code db.url}, {@code db.user}, {@code db.password}) before Helidon reads its configuration.
 *
 * <p>Declare it before {@code @HelidonTest}: {@code @ExtendWith(Infrastructure.class) @HelidonTest class FooIT}.
 */
public final class Infrastructure implements BeforeAllCallback {

    private static final String KEY = Infrastructure.class.getName();
    private static volatile Running running;

    /** Starts the broker and the database the first time a test class asks for them. */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> startAll(), Running.class);
    }

    /** Bootstrap servers of the running broker (after the extension ran). */
    public static String kafkaBootstrapServers() {
        return System.getProperty("kafka.bootstrap.servers");
    }

    /** JDBC URL of the running database (after the extension ran). */
    public static String jdbcUrl() {
        return System.getProperty("db.url");
    }

    /** Stops the broker (SIGTERM), to test behaviour during an outage; {@link #startKafka()} brings it back. */
    public static void stopKafka() {
        running.kafka.close();
    }

    /** Starts the broker again on the same port and data, after {@link #stopKafka()}. */
    public static void startKafka() {
        try {
            running.kafka = startKafka(running.kafkaPort, running.controllerPort, running.dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Running startAll() {
        try {
            Path base = Files.createDirectories(Path.of("target", "infrastructure")).toAbsolutePath();
            Path dataDir = Files.createTempDirectory(base, "run-");
            int kafkaPort = Devkit.freePort();
            int controllerPort = Devkit.freePort();
            int postgresPort = Devkit.freePort();
            ManagedProcess kafka = startKafka(kafkaPort, controllerPort, dataDir);
            ManagedProcess postgres = Devkit.startPostgres(postgresPort, dataDir.resolve("postgres"), dataDir);
            System.setProperty("kafka.bootstrap.servers", "127.0.0.1:" + kafkaPort);
            System.setProperty("db.url", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/eventflow");
            System.setProperty("db.user", "postgres");
            System.setProperty("db.password", "postgres");
            running = new Running(kafka, postgres, kafkaPort, controllerPort, dataDir);
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test infrastructure", e);
        }
    }

    private static ManagedProcess startKafka(int port, int controllerPort, Path dataDir) throws IOException {
        return Devkit.startKafka(port, controllerPort, dataDir.resolve("kafka"), dataDir);
    }

    /** Both processes; JUnit closes this when the test JVM's root context ends. */
    static final class Running implements ExtensionContext.Store.CloseableResource {
        private volatile ManagedProcess kafka;
        private final ManagedProcess postgres;
        private final int kafkaPort;
        private final int controllerPort;
        private final Path dataDir;

        Running(ManagedProcess kafka, ManagedProcess postgres, int kafkaPort, int controllerPort, Path dataDir) {
            this.kafka = kafka;
            this.postgres = postgres;
            this.kafkaPort = kafkaPort;
            this.controllerPort = controllerPort;
            this.dataDir = dataDir;
        }

        @Override
        public void close() {
            kafka.close();
            postgres.close();
        }
    }
}
