package io.eventflow.e2e.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.eventflow.jobrunr.JobTableIndexes;
import io.eventflow.testing.Devkit;
import io.eventflow.testing.Infrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database role the chart's README tells operators to create - one owner role that is not a superuser - is
 * enough for what the subscriber does at start-up: the README's SQL is run as written (names made unique), then the
 * services' Flyway migrations, JobRunr's table creation and the subscriber's change to JobRunr's indexes run as that
 * role, as the subscriber runs them.
 */
@ExtendWith(Infrastructure.class)
class DatabaseOwnerRoleIT {

    private static final Path ROOT = Devkit.projectRoot();
    private static final Set<String> TOOLING = Set.of("benchmarks", "devkit", "test-support", "e2e-tests");
    private static final String PASSWORD = "owner-role-check";

    @Test
    void anOwnerRoleThatIsNotASuperuserMigratesTheSchemaAndCreatesJobRunrsTables() throws Exception {
        String role = "ef_owner_" + UUID.randomUUID().toString().substring(0, 8);
        runReadmeSqlAsAdmin(role);
        String url = serverUrl() + "/" + role;

        MigrateResult migrated = Flyway.configure().dataSource(url, role, PASSWORD)
                .locations("filesystem:" + migrationsFolder()).load().migrate();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(role);
        dataSource.setPassword(PASSWORD);
        SqlStorageProviderFactory.using(dataSource);
        List<String> dropped = JobTableIndexes.dropRedundantStateIndex(dataSource, "");

        assertThat(migrated.success).isTrue();
        assertThat(dropped).as("the subscriber's change to JobRunr's indexes, as that role").containsExactly(
                "jobrunr_state_idx");
        assertThat(migrated.migrationsExecuted).isPositive();
        try (Connection connection = DriverManager.getConnection(url, role, PASSWORD);
             Statement statement = connection.createStatement()) {
            assertThat(single(statement, "select rolsuper or rolcreatedb or rolcreaterole from pg_roles "
                    + "where rolname = current_user")).isEqualTo("f");
            assertThat(single(statement, "select to_regclass('jobrunr_jobs') is not null")).isEqualTo("t");
            assertThat(single(statement, "select count(*) from flyway_schema_history where success"))
                    .isEqualTo(String.valueOf(migrated.migrationsExecuted));
        }
    }

    /** The ```sql block of helm/eventflow/README.md, statement by statement; {@code \c db} switches database. */
    private static void runReadmeSqlAsAdmin(String role) throws IOException, SQLException {
        String readme = Files.readString(ROOT.resolve("helm/eventflow/README.md"));
        int start = readme.indexOf("```sql\n", readme.indexOf("### Database role")) + "```sql\n".length();
        String sql = readme.substring(start, readme.indexOf("```", start))
                .replaceAll("\\beventflow\\b", role).replace("'...'", "'" + PASSWORD + "'");
        Connection connection = DriverManager.getConnection(serverUrl() + "/postgres", "postgres", "postgres");
        try {
            StringBuilder pending = new StringBuilder();
            for (String line : sql.lines().toList()) {
                if (line.startsWith("\\c ")) {
                    connection.close();
                    connection = DriverManager.getConnection(serverUrl() + "/" + line.substring(3).trim(),
                            "postgres", "postgres");
                } else if (!line.isBlank() && !line.startsWith("--")) {
                    pending.append(line).append('\n');
                    if (line.trim().endsWith(";")) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(pending.toString());
                        }
                        pending.setLength(0);
                    }
                }
            }
            assertThat(pending.toString()).as("every README statement ends with ;").isBlank();
        } finally {
            connection.close();
        }
    }

    private static String serverUrl() {
        String url = Infrastructure.jdbcUrl();
        return url.substring(0, url.lastIndexOf('/'));
    }

    private static Path migrationsFolder() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> folders = modules.filter(m -> !TOOLING.contains(m.getFileName().toString()))
                    .map(m -> m.resolve("src/main/resources/db/migration")).filter(Files::isDirectory).toList();
            assertThat(folders).as("the services' Flyway migrations").hasSize(1);
            return folders.getFirst();
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
