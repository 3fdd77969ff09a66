package io.eventflow.processing.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A stored user interaction; {@code metadata} is never null (absent or null becomes {}). */
public record UserAnalyticsEvent(UUID eventId, String userId, String eventType, OffsetDateTime timestamp,
                                 Map<String, Object> metadata)
        implements StorableEvent {

    @Override
    public String type() {
        return EventTypes.USER_ANALYTICS;
    }

    /** Builds the event from a received {@code user_analytics} event. */
    public static UserAnalyticsEvent from(ReceivedEvent event) {
        return new UserAnalyticsEvent(event.eventId(), event.text("user_id"), event.text("event_type"),
                OffsetDateTime.parse(event.text("timestamp")), event.object("metadata"));
    }
}
