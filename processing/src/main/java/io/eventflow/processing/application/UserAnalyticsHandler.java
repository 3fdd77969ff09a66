package io.eventflow.processing.application;

import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.domain.EventTypes;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;

/** Stores user analytics events as they are. */
public final class UserAnalyticsHandler implements EventHandler {

    private final EventStorePort store;

    /** Creates the handler. */
    public UserAnalyticsHandler(EventStorePort store) {
        this.store = store;
    }

    @Override
    public String type() {
        return EventTypes.USER_ANALYTICS;
    }

    @Override
    public void handle(ReceivedEvent event, int retryCount) {
        store.storeUserAnalytics(UserAnalyticsEvent.from(event), retryCount);
    }
}
