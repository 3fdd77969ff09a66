package io.eventflow.subscriber.application;

import java.util.List;

import io.eventflow.subscriber.application.port.in.QueryEventsUseCase;
import io.eventflow.subscriber.application.port.out.EventQueryPort;
import io.eventflow.subscriber.domain.StoredResearchEvent;
import io.eventflow.subscriber.domain.StoredUserEvent;

/** Lists stored events, enforcing the page size bounds of the contract. */
public final class QueryEventsService implements QueryEventsUseCase {

    private final EventQueryPort port;

    /** Creates the service. */
    public QueryEventsService(EventQueryPort port) {
        this.port = port;
    }

    @Override
    public List<StoredUserEvent> userEvents(String userId, int limit) {
        return port.userEvents(userId, checked(limit));
    }

    @Override
    public List<StoredResearchEvent> researcherEvents(String researcher, int limit) {
        return port.researcherEvents(researcher, checked(limit));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", but was " + limit);
        }
        return limit;
    }
}
