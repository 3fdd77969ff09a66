package io.eventflow.subscriber.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Storing an event is idempotent: a second store of a completed event (an orphaned job run again) adds nothing. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "mp.config.profile", value = "worker")
class EventStoreIT {

    @Inject
    private EventStorePort store;

    @Test
    void storesAnEventOnceAndKeepsItsFirstCompletion() throws Exception {
        UUID eventId = UUID.randomUUID();
        UserAnalyticsEvent event = new UserAnalyticsEvent(eventId, "user-" + eventId, "login",
                OffsetDateTime.parse("2024-01-01T12:00:00Z"), Map.of("page", "/home"));

        store.storeUserAnalytics(event, 0);
        String firstCompletion = value("SELECT processed_at::text FROM event_processing_status WHERE event_id = ?", eventId);
        store.storeUserAnalytics(event, 2);

        assertThat(value("SELECT count(*)::text FROM user_analytics_events WHERE event_id = ?", eventId)).isEqualTo("1");
        assertThat(value("SELECT status || ' ' || retry_count FROM event_processing_status WHERE event_id = ?", eventId))
                .isEqualTo("completed 0");
        assertThat(value("SELECT processed_at::text FROM event_processing_status WHERE event_id = ?", eventId))
                .isEqualTo(firstCompletion).isNotNull();
    }

    private static String value(String sql, UUID eventId) throws Exception {
        try (Connection connection = DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
