package io.eventflow.bench.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes {@code pg_stat_statements} count the platform's statements. The devkit's PostgreSQL (14, whose binaries ship
 * the extension) does not preload it, and the library only counts when loaded at server start. For a platform the
 * harness started, it adds the library to {@code shared_preload_libraries} (ALTER SYSTEM) and restarts the server
 * once, before any measurement: a fast shutdown of the postmaster, which the devkit notices and starts again on the
 * same data; the subscriber reconnects and the harness waits until it is ready again.
 */
public final class StatementStatistics {

    private static final String LIBRARY = "pg_stat_statements";
    private static final Duration POLL = Duration.ofMillis(200);

    private StatementStatistics() {
    }

    /**
     * Installs the extension, restarting the server first if it must and {@code mayRestart}; returns what happened,
     * in words for the report. Throws when a restart was begun and the platform did not come back.
     */
    public static String enable(Endpoints endpoints, boolean mayRestart, Duration timeout)
            throws SQLException, IOException, InterruptedException, TimeoutException {
        String preloaded;
        try (Connection c = HarnessSql.connect(endpoints.jdbcUrl()); Statement s = c.createStatement()) {
            preloaded = show(s);
            if (preloaded.contains(LIBRARY)) {
                createExtension(s);
                return "Statements are counted by pg_stat_statements, which the server already preloaded.";
            }
            if (!mayRestart) {
                return "Statements are not counted: pg_stat_statements is not in the running platform's "
                        + "shared_preload_libraries, and the harness does not restart a server it did not start; rows "
                        + "written (tup_inserted + tup_updated + tup_deleted) stand in for them.";
            }
            String libraries = preloaded.isBlank() ? LIBRARY : preloaded + "," + LIBRARY;
            s.execute(HarnessSql.tagged("ALTER SYSTEM SET shared_preload_libraries = '" + libraries + "'"));
            HarnessSql.counted();
        }
        Long postmaster = endpoints.pids().get("postgres-server");
        if (postmaster == null) {
            throw new IllegalStateException("no postmaster.pid in " + endpoints.home() + ": cannot restart PostgreSQL");
        }
        restart(endpoints, postmaster, timeout);
        awaitReady(endpoints.subscriber() + "/health/ready", timeout);
        return "Statements are counted by pg_stat_statements: the devkit's PostgreSQL does not preload it, so the harness "
                + "added it to shared_preload_libraries (ALTER SYSTEM) and restarted the server once before measuring.";
    }

    private static void restart(Endpoints endpoints, long postmaster, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        Signals.send("INT", postmaster);
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().orTimeout(timeout.toSeconds(), TimeUnit.SECONDS).join());
        while (System.nanoTime() < deadline) {
            Long now = endpoints.pids().get("postgres-server");
            if (now != null && !Objects.equals(now, postmaster)) {
                try (Connection c = HarnessSql.connect(endpoints.jdbcUrl()); Statement s = c.createStatement()) {
                    if (show(s).contains(LIBRARY)) {
                        createExtension(s);
                        return;
                    }
                } catch (SQLException e) {
                    // still starting
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new TimeoutException("PostgreSQL did not come back with " + LIBRARY + " within " + timeout);
    }

    private static void awaitReady(String url, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not answering yet
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
        throw new TimeoutException(url + " did not answer 200 within " + timeout + " after PostgreSQL's restart");
    }

    private static String show(Statement s) throws SQLException {
        HarnessSql.counted();
        try (ResultSet rs = s.executeQuery(HarnessSql.tagged("SELECT current_setting('shared_preload_libraries')"))) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void createExtension(Statement s) throws SQLException {
        HarnessSql.counted();
        s.execute(HarnessSql.tagged("CREATE EXTENSION IF NOT EXISTS " + LIBRARY));
    }
}
