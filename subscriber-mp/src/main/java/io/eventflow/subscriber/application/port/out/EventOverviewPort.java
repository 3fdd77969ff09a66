package io.eventflow.subscriber.application.port.out;

import java.util.List;

import io.eventflow.subscriber.domain.EventOverview.FailedEvent;
import io.eventflow.subscriber.domain.EventOverview.StatusCount;

/** Counts of events by type and status, and the recently failed ones, from the status table. */
public interface EventOverviewPort {

    /** One count per event type and status. */
    List<StatusCount> countByTypeAndStatus();

    /** At most {@code limit} failed events, most recently failed first. */
    List<FailedEvent> recentFailures(int limit);
}
