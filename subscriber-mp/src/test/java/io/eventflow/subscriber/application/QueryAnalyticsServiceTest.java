package io.eventflow.subscriber.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.eventflow.subscriber.application.port.out.AnalyticsQueryPort;
import io.eventflow.subscriber.application.port.out.EventQueryPort;
import io.eventflow.subscriber.domain.ResearcherAnalytics;
import io.eventflow.subscriber.domain.StoredResearchEvent;
import io.eventflow.subscriber.domain.StoredUserEvent;
import io.eventflow.subscriber.domain.UserAnalytics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryAnalyticsServiceTest {

    private final Map<String, Long> typeCounts = new LinkedHashMap<>();
    private final List<String> molecules = List.of("mol-a", "mol-b");
    private long experiments;
    private int askedLimit;

    private final QueryAnalyticsService service = new QueryAnalyticsService(new AnalyticsQueryPort() {
        @Override
        public Map<String, Long> eventTypeCounts(String userId) {
            return typeCounts;
        }

        @Override
        public long experimentCount(String researcher) {
            return experiments;
        }

        @Override
        public List<String> molecules(String researcher) {
            return molecules;
        }
    }, new EventQueryPort() {
        @Override
        public List<StoredUserEvent> userEvents(String userId, int limit) {
            askedLimit = limit;
            return List.of();
        }

        @Override
        public List<StoredResearchEvent> researcherEvents(String researcher, int limit) {
            askedLimit = limit;
            return List.of();
        }
    });

    @Test
    void totalsTheUsersEventsOverTheirTypesAndAsksForTheTenNewest() {
        typeCounts.put("page_view", 9L);
        typeCounts.put("click", 2L);

        UserAnalytics analytics = service.userAnalytics("user-1").orElseThrow();

        assertThat(analytics.totalEvents()).isEqualTo(11);
        assertThat(analytics.eventTypes()).containsExactly(Map.entry("page_view", 9L), Map.entry("click", 2L));
        assertThat(askedLimit).isEqualTo(10);
    }

    @Test
    void hasNoSummaryForAUserWithoutEvents() {
        assertThat(service.userAnalytics("nobody")).isEmpty();
    }

    @Test
    void countsTheResearchersDistinctMolecules() {
        experiments = 3;

        ResearcherAnalytics analytics = service.researcherAnalytics("Dr. Smith").orElseThrow();

        assertThat(analytics.totalExperiments()).isEqualTo(3);
        assertThat(analytics.uniqueMolecules()).isEqualTo(2);
        assertThat(analytics.molecules()).containsExactly("mol-a", "mol-b");
    }

    @Test
    void hasNoSummaryForAResearcherWithoutExperiments() {
        assertThat(service.researcherAnalytics("Dr. Nobody")).isEmpty();
    }
}
