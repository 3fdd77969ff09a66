package io.eventflow.processing.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A stored user interaction; {@code metadata} is never null (absent or null becomes {}). */
public record UserAnalyticsEvent(UUID eventId, String userId, String eventType, OffsetDateTime timestamp,
                                 Map<String, Object> metadata)
        implements StorableEvent {

    @Override
    public String type() {
        return EventTypes.USER_ANALYTICS;
    }

    /** Requires the identity; absent metadata becomes empty. */
    public UserAnalyticsEvent {
        Objects.requireNonNull(eventId, "eventId");
        metadata = metadata == null ? Map.of() : metadata;
    }
}
