package io.eventflow.bench.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The harness's own SQL against the platform's PostgreSQL. Every query is tagged, so the statement counts can leave
 * it out, and every transaction is counted, so the commit counts can: a query in autocommit is a commit too.
 */
public final class HarnessSql {

    /** The comment every harness query ends with; pg_stat_statements keeps it in the query's text. */
    public static final String TAG = "/* eventflow-bench */";
    private static final AtomicLong TRANSACTIONS = new AtomicLong();

    private HarnessSql() {
    }

    /** The query with the harness's tag. */
    public static String tagged(String sql) {
        return sql + " " + TAG;
    }

    /**
     * A connection as user {@code postgres}. The driver is told the server is recent, so it sends its
     * {@code application_name} at connect time instead of running a {@code SET} that would count as a commit.
     */
    public static Connection connect(String jdbcUrl) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "postgres");
        properties.setProperty("assumeMinServerVersion", "14");
        properties.setProperty("ApplicationName", "eventflow-bench");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** Notes one transaction of the harness's (one query in autocommit, or one explicit transaction). */
    public static void counted() {
        TRANSACTIONS.incrementAndGet();
    }

    /** The harness's transactions so far. */
    public static long transactions() {
        return TRANSACTIONS.get();
    }
}
