package io.eventflow.devkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries shipped in Maven artifacts) for local runs and tests.
 *
 * <p>Usage: {@code java -cp devkit.jar:libs/* io.eventflow.devkit.PostgresServer --port 5432 --data-dir .eventflow/postgres}.
 * Data survives restarts. Prints {@value #READY_LINE} once the {@code eventflow} database accepts
 * connections (user {@code postgres}, no password, loopback only); stops the server on SIGTERM or Ctrl-C.
 */
public final class PostgresServer {

    /** The line printed on stdout when the database accepts connections. */
    public static final String READY_LINE = "EVENTFLOW POSTGRES READY";
    static final String DATABASE = "eventflow";

    private PostgresServer() {
    }

    /** Starts PostgreSQL and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        int port = arguments.intValue("port", 5432);
        Path dataDir = arguments.path("data-dir", Path.of(".eventflow", "postgres")).toAbsolutePath();
        ProcessGuard.takeOver(dataDir.resolve("server.pid"));
        Path pgData = dataDir.resolve("data");
        stopOrphanedPostmaster(pgData);
        Path binaries = Files.createDirectories(dataDir.resolve("runtime"));

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "200")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }, "postgres-shutdown"));
        createDatabase(postgres);
        System.out.println(READY_LINE + " url=jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
        System.out.flush();
        stopped.await();
    }

    /** A postmaster left running by a JVM that was killed with {@code kill -9} still holds the data folder. */
    private static void stopOrphanedPostmaster(Path pgData) {
        ProcessGuard.readPid(pgData.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .ifPresent(ProcessGuard::stop);
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }
}
