package io.eventflow.subscriber.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.Map;

import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import io.eventflow.subscriber.domain.StoredResearchEvent;
import io.eventflow.subscriber.domain.StoredUserEvent;

/** Maps between domain events and JPA entities. */
final class EventMapper {

    private EventMapper() {
    }

    static UserAnalyticsEventEntity toEntity(UserAnalyticsEvent event, OffsetDateTime processedAt) {
        UserAnalyticsEventEntity entity = new UserAnalyticsEventEntity();
        entity.eventId = event.eventId();
        entity.userId = event.userId();
        entity.eventType = event.eventType();
        entity.timestamp = event.timestamp();
        entity.metadata = event.metadata() == null ? Map.of() : event.metadata();
        entity.processedAt = processedAt;
        return entity;
    }

    static ChemicalResearchEventEntity toEntity(ChemicalResearchEvent event, OffsetDateTime processedAt) {
        ChemicalResearchEventEntity entity = new ChemicalResearchEventEntity();
        entity.eventId = event.eventId();
        entity.moleculeId = event.moleculeId();
        entity.researcher = event.researcher();
        entity.data = event.data() == null ? Map.of() : event.data();
        entity.timestamp = event.timestamp();
        entity.llmProperties = event.llmProperties();
        entity.processedAt = processedAt;
        return entity;
    }

    static StoredUserEvent toStored(UserAnalyticsEventEntity e) {
        return new StoredUserEvent(e.id, e.eventId, e.userId, e.eventType, e.timestamp, e.metadata, e.processedAt);
    }

    static StoredResearchEvent toStored(ChemicalResearchEventEntity e) {
        return new StoredResearchEvent(e.id, e.eventId, e.moleculeId, e.researcher, e.data, e.timestamp,
                e.llmProperties, e.processedAt);
    }
}
