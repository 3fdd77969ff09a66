package io.eventflow.subscriber.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.application.port.out.EventToStore;
import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storing an event is idempotent: a second store of a completed event (an orphaned job run again) adds nothing - also
 * when many jobs store at once and share group commits, and when a batch of events is stored in one transaction.
 */
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

        store.store(event, 0);
        String firstCompletion = value("SELECT processed_at::text FROM event_processing_status WHERE event_id = ?", eventId);
        store.store(event, 2);

        assertThat(value("SELECT count(*)::text FROM user_analytics_events WHERE event_id = ?", eventId)).isEqualTo("1");
        assertThat(value("SELECT status || ' ' || retry_count FROM event_processing_status WHERE event_id = ?", eventId))
                .isEqualTo("completed 0");
        assertThat(value("SELECT processed_at::text FROM event_processing_status WHERE event_id = ?", eventId))
                .isEqualTo(firstCompletion).isNotNull();
    }

    @Test
    void concurrentStoresShareCommitsAndStoreEachEventOnce() throws Exception {
        List<UserAnalyticsEvent> events = IntStream.range(0, 200).mapToObj(i -> analytics(UUID.randomUUID())).toList();
        List<Future<?>> stores = new ArrayList<>();
        try (ExecutorService jobs = Executors.newFixedThreadPool(16)) {
            for (UserAnalyticsEvent event : events) {
                stores.add(jobs.submit(() -> store.store(event, 0)));
                stores.add(jobs.submit(() -> store.store(event, 1)));
            }
            for (Future<?> stored : stores) {
                stored.get();
            }
        }

        for (UserAnalyticsEvent event : events) {
            assertThat(value("SELECT count(*)::text FROM user_analytics_events WHERE event_id = ?", event.eventId()))
                    .isEqualTo("1");
            assertThat(value("SELECT status FROM event_processing_status WHERE event_id = ?", event.eventId()))
                    .isEqualTo("completed");
        }
        // A row's xmin is the transaction that wrote it: were every store its own transaction, 200 rows would
        // carry 200 different ones. Four groups commit side by side (eventflow.store.committers), so the 16 stores
        // waiting at a time split over up to four transactions: one committer alone wrote them in at most 100.
        String ids = events.stream().map(e -> "'" + e.eventId() + "'").collect(Collectors.joining(", "));
        assertThat(Long.parseLong(value("SELECT count(DISTINCT xmin::text)::text FROM user_analytics_events"
                + " WHERE event_id IN (" + ids + ") AND ? IS NOT NULL", events.getFirst().eventId())))
                .as("transactions that wrote 200 rows stored by 16 threads").isLessThanOrEqualTo(150);
    }

    @Test
    void aBatchIsStoredInOneTransactionWithBothTypes() throws Exception {
        UUID analyticsId = UUID.randomUUID();
        UUID researchId = UUID.randomUUID();
        ChemicalResearchEvent research = new ChemicalResearchEvent(researchId, "MOL-" + researchId, "dr-a",
                Map.of("formula", "H2O"), OffsetDateTime.parse("2024-01-01T12:00:00Z"), null);

        store.storeAll(List.of(new EventToStore(analytics(analyticsId), 0), new EventToStore(research, 0),
                new EventToStore(analytics(analyticsId), 1)));

        assertThat(value("SELECT count(*)::text FROM user_analytics_events WHERE event_id = ?", analyticsId))
                .isEqualTo("1");
        assertThat(value("SELECT coalesce(llm_properties::text, 'none') FROM chemical_research_events WHERE event_id = ?",
                researchId)).isEqualTo("none");
        assertThat(value("SELECT status || ' ' || retry_count FROM event_processing_status WHERE event_id = ?",
                researchId)).isEqualTo("completed 0");
    }

    private static UserAnalyticsEvent analytics(UUID eventId) {
        return new UserAnalyticsEvent(eventId, "user-" + eventId, "login", OffsetDateTime.parse("2024-01-01T12:00:00Z"),
                Map.of("page", "/home"));
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
