package io.eventflow.subscriber.application;

import io.eventflow.subscriber.application.port.in.QueryEventOverviewUseCase;
import io.eventflow.subscriber.application.port.out.EventOverviewPort;
import io.eventflow.subscriber.domain.EventOverview;

/** Puts the overview together from the status table's counts and failures. */
public class QueryEventOverviewService implements QueryEventOverviewUseCase {

    private final EventOverviewPort events;

    /** Creates the service on the status table's port. */
    public QueryEventOverviewService(EventOverviewPort events) {
        this.events = events;
    }

    @Override
    public EventOverview overview(int failures) {
        return new EventOverview(events.countByTypeAndStatus(), events.recentFailures(failures));
    }
}
