package io.eventflow.subscriber.adapter.out.persistence;

import java.util.Optional;
import java.util.UUID;

import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.subscriber.application.port.out.EventStoryPort;
import io.eventflow.subscriber.domain.EventStory;
import io.eventflow.subscriber.domain.ProcessingJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Reads an event's story from its {@code event_processing_status} row. */
@ApplicationScoped
class EventStoryAdapter implements EventStoryPort {

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EventStory> find(UUID eventId) {
        return em.createQuery("SELECT s FROM EventProcessingStatusEntity s WHERE s.eventId = :id",
                        EventProcessingStatusEntity.class)
                .setParameter("id", eventId).getResultStream().findFirst().map(EventStoryAdapter::toStory);
    }

    private static EventStory toStory(EventProcessingStatusEntity s) {
        StreamPosition position = s.kafkaTopic == null || s.kafkaPartition == null || s.kafkaOffset == null ? null
                : new StreamPosition(s.kafkaTopic, s.kafkaPartition, s.kafkaOffset);
        return new EventStory(s.eventId, s.eventType, s.status, s.retryCount, s.maxRetries, s.errorMessage,
                s.createdAt, s.updatedAt, s.processedAt, position,
                s.batchJobId == null ? null : new ProcessingJob(s.batchJobId, null, 0), s.traceId);
    }
}
