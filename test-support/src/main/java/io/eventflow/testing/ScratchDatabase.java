package io.eventflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of each test's own on the test PostgreSQL ({@link Infrastructure}, which the test class must extend
 * with first): for a test that must meet an empty database or one at an older schema, while the shared
 * {@code eventflow} database is at the newest and in use by other tests. Register it on a field with
 * {@code @RegisterExtension}; it creates the database before each test and drops it after, closing what is still
 * connected.
 */
public final class ScratchDatabase implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private String name;
    private PGSimpleDataSource dataSource;

    private ScratchDatabase(String prefix) {
        this.prefix = prefix;
    }

    /** Databases named {@code prefix} and a random suffix, one per test. */
    public static ScratchDatabase perTest(String prefix) {
        return new ScratchDatabase(prefix);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        name = prefix + UUID.randomUUID().toString().replace("-", "");
        String server = Infrastructure.jdbcUrl();
        execute(server, "CREATE DATABASE " + name);
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.substring(0, server.lastIndexOf('/') + 1) + name);
        dataSource.setUser(user());
        dataSource.setPassword(password());
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        execute(Infrastructure.jdbcUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A data source of the current test's database. */
    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    /** Runs one SQL statement in the current test's database, in a connection of its own. */
    public void execute(String sql) throws SQLException {
        execute(dataSource.getURL(), sql);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String user() {
        return System.getProperty("db.user");
    }

    private static String password() {
        return System.getProperty("db.password");
    }
}
