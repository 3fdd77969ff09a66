package io.eventflow.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries shipped in Maven artifacts) for local runs and tests.
 *
 * <p>Usage: {@code java -cp devkit.jar:libs/* io.eventflow.devkit.PostgresServer --port 5432 --data-dir .eventflow/postgres}.
 * Data survives restarts, and commits are durable ({@code fsync=on}, {@code synchronous_commit=on}; the embedded
 * library turns both off by default). Prints {@value #READY_LINE} once the {@code eventflow} database accepts
 * connections (user {@code postgres}, no password, loopback only); stops the server on SIGTERM or Ctrl-C.
 *
 * <p>The server's postmaster is watched: when it dies (a crash, {@code kill -9}), this process says so on one line
 * starting with {@value #DIED_LINE}, starts the server again on the same data and port, and prints the ready line
 * again. If it cannot, it exits with status {@value #EXIT_RESTART_FAILED}, so a supervisor such as
 * {@code ./eventflow run} restarts the whole process.
 */
public final class PostgresServer {

    /** The line printed on stdout when the database accepts connections (again, after a restart). */
    public static final String READY_LINE = "EVENTFLOW POSTGRES READY";
    /** The start of the line printed when the server's postmaster died while this process did not stop it. */
    public static final String DIED_LINE = "EVENTFLOW POSTGRES DIED";
    /** Exit status when the server died and could not be started again. */
    public static final int EXIT_RESTART_FAILED = 3;
    static final String DATABASE = "eventflow";

    /** Start attempts after a crash: orphaned backends of the dead postmaster may hold its shared memory briefly. */
    private static final int RESTART_ATTEMPTS = 10;
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

    private final int port;
    private final Path pgData;
    private final Path binaries;
    private volatile boolean stopping;
    private volatile EmbeddedPostgres postgres;

    private PostgresServer(int port, Path pgData, Path binaries) {
        this.port = port;
        this.pgData = pgData;
        this.binaries = binaries;
    }

    /** Starts PostgreSQL, restarts it whenever its postmaster dies, and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        int port = arguments.intValue("port", 5432);
        Path dataDir = arguments.path("data-dir", Path.of(".eventflow", "postgres")).toAbsolutePath();
        ProcessGuard.takeOver(dataDir.resolve("server.pid"));
        Path pgData = dataDir.resolve("data");
        stopOrphanedPostmaster(pgData);
        PostgresServer server = new PostgresServer(port, pgData, Files.createDirectories(dataDir.resolve("runtime")));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "postgres-shutdown"));
        server.start();
        int exitCode = server.superviseUntilStopped();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
        stopped.await();
    }

    private void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // our own hook stops the server, after telling the watcher that the stop is wanted
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "200")
                // durable commits: the library's defaults (-F, synchronous_commit=off) can lose committed rows
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        createDatabase(postgres);
        System.out.println(READY_LINE + " url=jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
        System.out.flush();
    }

    /** Waits for the postmaster to die; restarts it unless a stop was asked for. Returns the exit status wanted. */
    private int superviseUntilStopped() throws InterruptedException {
        while (!stopping) {
            Optional<ProcessHandle> postmaster = ProcessGuard.readPid(pgData.resolve("postmaster.pid"))
                    .flatMap(ProcessHandle::of);
            if (postmaster.isPresent()) {
                postmaster.get().onExit().join();
            }
            if (stopping) {
                return 0;
            }
            System.out.println(DIED_LINE + ": the PostgreSQL server (postmaster pid "
                    + postmaster.map(handle -> Long.toString(handle.pid())).orElse("unknown")
                    + ") exited without being asked to; starting it again on port " + port);
            System.out.flush();
            if (!restart()) {
                System.out.println("Could not start PostgreSQL again after " + RESTART_ATTEMPTS
                        + " attempts; exiting with status " + EXIT_RESTART_FAILED + " so that a supervisor restarts us");
                System.out.flush();
                return EXIT_RESTART_FAILED;
            }
        }
        return 0;
    }

    private boolean restart() throws InterruptedException {
        closeQuietly();
        for (int attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
            try {
                start();
                return true;
            } catch (Exception e) {
                System.out.println("Start attempt " + attempt + " failed (" + e.getMessage() + "); retrying");
                System.out.flush();
                closeQuietly();
                TimeUnit.MILLISECONDS.sleep(RESTART_PAUSE.toMillis());
            }
        }
        return stopping;
    }

    private void stop() {
        stopping = true;
        closeQuietly();
    }

    /** Stops the server if it runs ({@code pg_ctl stop -m fast}) and releases the data folder's lock. */
    private void closeQuietly() {
        EmbeddedPostgres current = postgres;
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    /** A postmaster left running by a JVM that was killed with {@code kill -9} still holds the data folder. */
    private static void stopOrphanedPostmaster(Path pgData) {
        ProcessGuard.readPid(pgData.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .ifPresent(ProcessGuard::stopPostmaster);
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
