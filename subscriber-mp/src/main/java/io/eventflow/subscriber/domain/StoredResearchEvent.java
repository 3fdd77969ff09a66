package io.eventflow.subscriber.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A stored chemical research event with its enrichment, as the API shows it. */
public record StoredResearchEvent(long id, UUID eventId, String moleculeId, String researcher, Map<String, Object> data,
                                  OffsetDateTime timestamp, Map<String, Object> llmProperties,
                                  OffsetDateTime processedAt) {
}
