package io.eventflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of one test's own on the test PostgreSQL ({@link Infrastructure}): for a test that must meet an empty
 * database or one at an older schema, while the shared {@code eventflow} database is at the newest and in use by other
 * tests. {@link #close()} drops it, closing what is still connected.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final PGSimpleDataSource dataSource;

    private ScratchDatabase(String name) {
        this.name = name;
        String server = Infrastructure.jdbcUrl();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.substring(0, server.lastIndexOf('/') + 1) + name);
        dataSource.setUser(user());
        dataSource.setPassword(password());
    }

    /** Creates an empty database named {@code prefix} and a random suffix. */
    public static ScratchDatabase create(String prefix) throws SQLException {
        ScratchDatabase database = new ScratchDatabase(prefix + UUID.randomUUID().toString().replace("-", ""));
        execute(Infrastructure.jdbcUrl(), "CREATE DATABASE " + database.name);
        return database;
    }

    /** A data source of the database. */
    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    /** Runs one SQL statement in the database, in a connection of its own. */
    public void execute(String sql) throws SQLException {
        execute(dataSource.getURL(), sql);
    }

    @Override
    public void close() throws SQLException {
        execute(Infrastructure.jdbcUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
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
