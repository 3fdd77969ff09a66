package io.eventflow.subscriber.application;

import java.util.Map;
import java.util.Optional;

import io.eventflow.subscriber.application.port.in.QueryAnalyticsUseCase;
import io.eventflow.subscriber.application.port.out.AnalyticsQueryPort;
import io.eventflow.subscriber.application.port.out.EventQueryPort;
import io.eventflow.subscriber.domain.ResearcherAnalytics;
import io.eventflow.subscriber.domain.UserAnalytics;

/** Builds user and researcher summaries from the store's aggregates and newest events. */
public final class QueryAnalyticsService implements QueryAnalyticsUseCase {

    private final AnalyticsQueryPort aggregates;
    private final EventQueryPort events;

    /** Creates the service. */
    public QueryAnalyticsService(AnalyticsQueryPort aggregates, EventQueryPort events) {
        this.aggregates = aggregates;
        this.events = events;
    }

    @Override
    public Optional<UserAnalytics> userAnalytics(String userId) {
        Map<String, Long> types = aggregates.eventTypeCounts(userId);
        if (types.isEmpty()) {
            return Optional.empty();
        }
        long total = types.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of(new UserAnalytics(userId, total, types, events.userEvents(userId, RECENT)));
    }

    @Override
    public Optional<ResearcherAnalytics> researcherAnalytics(String researcher) {
        long total = aggregates.experimentCount(researcher);
        if (total == 0) {
            return Optional.empty();
        }
        return Optional.of(new ResearcherAnalytics(researcher, total, aggregates.molecules(researcher),
                events.researcherEvents(researcher, RECENT)));
    }
}
