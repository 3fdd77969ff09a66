package io.eventflow.processing.application;

import io.eventflow.processing.domain.EventTypes;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;

/** User analytics events are stored as they are. */
public final class UserAnalyticsHandler implements EventHandler {

    @Override
    public String type() {
        return EventTypes.USER_ANALYTICS;
    }

    @Override
    public StorableEvent prepare(ReceivedEvent event) {
        return (UserAnalyticsEvent) event.event();
    }
}
