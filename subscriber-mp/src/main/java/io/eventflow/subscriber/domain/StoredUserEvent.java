package io.eventflow.subscriber.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A stored user analytics event, as the API shows it. */
public record StoredUserEvent(long id, UUID eventId, String userId, String eventType, OffsetDateTime timestamp,
                              Map<String, Object> metadata, OffsetDateTime processedAt) {
}
