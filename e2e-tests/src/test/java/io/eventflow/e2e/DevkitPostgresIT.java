package io.eventflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The devkit's PostgreSQL process: durable commits, and a server that comes back when its postmaster dies. */
class DevkitPostgresIT {

    private static Path dataDir;
    private static int port;
    private static ManagedProcess database;

    @BeforeAll
    static void startDatabase() throws Exception {
        Path base = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e").toAbsolutePath()), "pg-");
        dataDir = base.resolve("postgres");
        port = Devkit.freePort();
        database = Devkit.start("PostgresServer", "EVENTFLOW POSTGRES READY", port, dataDir, base);
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void commitsAreDurable() throws Exception {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
    }

    @Test
    void restartsTheServerWhenItsPostmasterIsKilled() throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("data").resolve("postmaster.pid"))
                .getFirst().strip());
        long skip = Files.size(database.logFile());

        PlatformRunner.signal("KILL", postmaster, false);

        PlatformClient.awaitLine(database.logFile(), skip, "EVENTFLOW POSTGRES DIED: the PostgreSQL server (postmaster pid "
                + postmaster + ") exited", Duration.ofSeconds(30));
        PlatformClient.awaitLine(database.logFile(), skip, "EVENTFLOW POSTGRES READY", Duration.ofSeconds(60));
        assertThat(database.process().isAlive()).as("the devkit process itself keeps running").isTrue();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> show("fsync").equals("on"));
        assertThat(show("synchronous_commit")).as("the restarted server is durable too").isEqualTo("on");
    }

    private static String show(String setting) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/eventflow",
                "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + setting)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
