package io.eventflow.subscriber.application.port.in;

import io.eventflow.subscriber.domain.EventOverview;

/** The flow at a glance, for the operator console. */
public interface QueryEventOverviewUseCase {

    /** Counts per type and status and the {@code failures} most recently failed events. */
    EventOverview overview(int failures);
}
