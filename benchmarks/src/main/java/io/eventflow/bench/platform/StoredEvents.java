package io.eventflow.bench.platform;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/** The rows a run's events left in PostgreSQL: when each was scheduled (pending status) and stored. */
public final class StoredEvents {

    /** One stored event: its sequence number, when its pending status and its row were written (epoch micros). */
    public record Row(long seq, long scheduledMicros, long storedMicros) {
    }

    private static final String COUNT = "SELECT count(*) FROM user_analytics_events WHERE user_id = ANY(?)";
    private static final String ROWS = """
            SELECT (u.metadata->>'seq')::bigint, s.created_at, u.processed_at
              FROM user_analytics_events u LEFT JOIN event_processing_status s ON s.event_id = u.event_id
             WHERE u.user_id = ANY(?)""";

    private final String jdbcUrl;

    /** The rows of the platform's database at {@code jdbcUrl}. */
    public StoredEvents(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Polls until {@code expected} rows of these users are stored or the time is up; returns the last count. */
    public long await(List<String> userIds, long expected, Duration timeout, LongConsumer progress) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Counter counter = counter(userIds)) {
            while (true) {
                long stored = counter.count();
                progress.accept(stored);
                if (stored >= expected || System.nanoTime() > deadline) {
                    return stored;
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        }
    }

    /** Counts the stored rows of these users, as often as asked, on one connection. */
    public Counter counter(List<String> userIds) throws SQLException {
        Connection c = connect();
        try {
            PreparedStatement count = c.prepareStatement(HarnessSql.tagged(COUNT));
            count.setArray(1, users(c, userIds));
            return new Counter(c, count);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The stored rows of one set of users, counted on a connection of its own. */
    public static final class Counter implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement count;

        private Counter(Connection connection, PreparedStatement count) {
            this.connection = connection;
            this.count = count;
        }

        /** The rows stored now. */
        public long count() throws SQLException {
            HarnessSql.counted();
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Every stored row of these users. */
    public List<Row> rows(List<String> userIds) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement(HarnessSql.tagged(ROWS))) {
            query.setArray(1, users(c, userIds));
            HarnessSql.counted();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), micros(rs.getObject(2, OffsetDateTime.class)),
                            micros(rs.getObject(3, OffsetDateTime.class))));
                }
            }
        }
        return rows;
    }

    /** The server's commit durability as it reports it: {@code fsync=on, synchronous_commit=on}. */
    public String durability() throws SQLException {
        List<String> settings = new ArrayList<>();
        try (Connection c = connect(); Statement show = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit")) {
                HarnessSql.counted();
                try (ResultSet rs = show.executeQuery(HarnessSql.tagged("SHOW " + name))) {
                    settings.add(name + "=" + (rs.next() ? rs.getString(1) : "?"));
                }
            }
        }
        return String.join(", ", settings);
    }

    private Connection connect() throws SQLException {
        return HarnessSql.connect(jdbcUrl);
    }

    private static Array users(Connection c, List<String> userIds) throws SQLException {
        return c.createArrayOf("varchar", userIds.toArray());
    }

    private static long micros(OffsetDateTime time) {
        if (time == null) {
            return 0;
        }
        return time.toEpochSecond() * 1_000_000L + time.getNano() / 1000;
    }
}
