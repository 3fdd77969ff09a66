package io.eventflow.subscriber;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The analytics API of the contract, over events consumed from a real broker and stored in PostgreSQL. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
class AnalyticsIT {

    private static final Duration PROCESSING = Duration.ofSeconds(60);
    private static TestEvents events;

    @Inject
    private WebTarget target;

    @BeforeAll
    static void startProducer() {
        events = new TestEvents();
    }

    @AfterAll
    static void stopProducer() {
        events.close();
    }

    @Test
    void summarisesAUsersEventsByTypeWithTheTenNewestFirst() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        for (int day = 1; day <= 9; day++) {
            events.analytics(userId, "page_view", "2024-01-%02dT00:00:00Z".formatted(day));
        }
        events.analytics(userId, "click", "2024-01-10T00:00:00Z");
        events.analytics(userId, "click", "2024-01-11T00:00:00Z");
        events.analytics(userId, "purchase", "2024-01-12T00:00:00Z");

        Map<?, ?> body = awaitBody("/api/v1/analytics/user/" + userId, "total_events", 12);

        assertThat(body.get("user_id")).isEqualTo(userId);
        assertThat(body.get("event_types")).isEqualTo(Map.of("page_view", 9, "click", 2, "purchase", 1));
        List<?> recent = (List<?>) body.get("recent_events");
        assertThat(recent).hasSize(10);
        assertThat(recent).extracting(e -> (String) item(e).get("timestamp"))
                .startsWith("2024-01-12T00:00:00Z", "2024-01-11T00:00:00Z").endsWith("2024-01-03T00:00:00Z");
        assertThat(item(recent.get(0))).containsOnlyKeys("id", "event_id", "user_id", "event_type",
                "timestamp", "metadata", "processed_at");
    }

    @Test
    void summarisesAResearchersExperimentsAndMolecules() throws Exception {
        String researcher = "Dr. Smith " + UUID.randomUUID();
        events.chemical("mol-b", researcher, "{\"formula\":\"H2O\"}", "2024-01-01T00:00:00Z");
        events.chemical("mol-a", researcher, "{\"formula\":\"NaCl\"}", "2024-01-02T00:00:00Z");
        events.chemical("mol-b", researcher, "{\"formula\":\"CO2\"}", "2024-01-03T00:00:00Z");

        Map<?, ?> body = awaitBody("/api/v1/analytics/researcher/" + researcher.replace(" ", "%20"),
                "total_experiments", 3);

        assertThat(body.get("researcher")).isEqualTo(researcher);
        assertThat(body.get("unique_molecules")).isEqualTo(2);
        assertThat(body.get("molecules_list")).isEqualTo(List.of("mol-a", "mol-b"));
        List<?> recent = (List<?>) body.get("recent_experiments");
        assertThat(recent).extracting(e -> (String) item(e).get("timestamp"))
                .containsExactly("2024-01-03T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z");
        assertThat(item(recent.get(0))).containsKeys("molecule_id", "data", "llm_properties");
    }

    @Test
    void answers404UserNotFoundForAUserWithoutEvents() {
        Response response = target.path("/api/v1/analytics/user/nobody-" + UUID.randomUUID()).request().get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(Map.class).get("detail")).isEqualTo("User not found");
    }

    @Test
    void answers404ResearcherNotFoundForAResearcherWithoutExperiments() {
        Response response = target.path("/api/v1/analytics/researcher/Dr.%20Nobody%20" + UUID.randomUUID())
                .request().get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(Map.class).get("detail")).isEqualTo("Researcher not found");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Object json) {
        return (Map<String, Object>) json;
    }

    /** Polls the endpoint until {@code field} reaches {@code expected}, then returns that body. */
    private Map<?, ?> awaitBody(String path, String field, int expected) {
        Map<?, ?>[] last = new Map<?, ?>[1];
        await().atMost(PROCESSING).until(() -> {
            Response response = target.path(path).request().get();
            last[0] = response.getStatus() == 200 ? response.readEntity(Map.class) : Map.of();
            return Integer.valueOf(expected).equals(last[0].get(field));
        });
        return last[0];
    }
}
