package io.eventflow.subscriber.adapter.out.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.domain.ProcessingStatus;
import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.subscriber.adapter.out.persistence.CastRows.Binder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Keeps {@code event_processing_status}. Upserts are single statements so that concurrent deliveries
 * of one event cannot create two rows, and a completed event never goes back to another status.
 */
@ApplicationScoped
class StatusPersistenceAdapter implements EventStatusPort {

    /** Parameters per row of the pending insert (PostgreSQL takes at most 32,767 per statement). */
    private static final int COLUMNS = 7;

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    @Override
    @Transactional
    public void markPending(List<PendingEvent> events) {
        CastRows.inChunks(events, this::insertPending);
    }

    /** One multi-row statement: a round trip per chunk of events, not per event. */
    private void insertPending(List<PendingEvent> events) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO event_processing_status
                       (event_id, event_type, status, max_retries, kafka_topic, kafka_partition, kafka_offset, trace_id)
                VALUES """);
        for (int i = 0; i < events.size(); i++) {
            int p = i * COLUMNS;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2)
                    .append(", 'pending', ?").append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5)
                    .append(", ?").append(p + 6).append(", ?").append(p + 7).append(')');
        }
        Query insert = em.createNativeQuery(sql.append(" ON CONFLICT (event_id) DO NOTHING").toString());
        for (int i = 0; i < events.size(); i++) {
            PendingEvent event = events.get(i);
            StreamPosition position = event.position();
            int p = i * COLUMNS;
            insert.setParameter(p + 1, event.event().eventId()).setParameter(p + 2, event.event().type())
                    .setParameter(p + 3, event.maxRetries())
                    .setParameter(p + 4, position == null ? null : position.topic())
                    .setParameter(p + 5, position == null ? null : position.partition())
                    .setParameter(p + 6, position == null ? null : position.offset())
                    .setParameter(p + 7, event.traceId());
        }
        insert.executeUpdate();
    }

    @Override
    @Transactional
    public boolean markProcessing(UUID eventId, String type, int retryCount) {
        int changed = em.createNativeQuery("""
                        INSERT INTO event_processing_status (event_id, event_type, status, retry_count)
                        VALUES (?1, ?2, 'processing', ?3)
                        ON CONFLICT (event_id) DO UPDATE
                           SET status = 'processing', retry_count = EXCLUDED.retry_count, updated_at = now()
                         WHERE event_processing_status.status <> 'completed'""")
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, retryCount)
                .executeUpdate();
        return changed > 0;
    }

    @Override
    @Transactional
    public void markFailed(UUID eventId, String errorMessage, int retryCount, boolean finalFailure) {
        em.createNativeQuery("""
                        UPDATE event_processing_status
                           SET error_message = ?2, retry_count = ?3, updated_at = now(),
                               status = CASE WHEN ?4 THEN 'failed' ELSE status END
                         WHERE event_id = ?1 AND status <> 'completed'""")
                .setParameter(1, eventId).setParameter(2, truncate(errorMessage)).setParameter(3, retryCount)
                .setParameter(4, finalFailure)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProcessingStatus> find(UUID eventId) {
        return em.createQuery("SELECT s.status FROM EventProcessingStatusEntity s WHERE s.eventId = :id", String.class)
                .setParameter("id", eventId).getResultStream().findFirst()
                .map(status -> ProcessingStatus.valueOf(status.toUpperCase(Locale.ROOT)));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> failedEventIds(Optional<String> type) {
        String byType = type.isPresent() ? " AND s.eventType = :type" : "";
        var query = em.createQuery("SELECT s.eventId FROM EventProcessingStatusEntity s WHERE s.status = 'failed'"
                + byType + " ORDER BY s.updatedAt, s.id", UUID.class);
        type.ifPresent(t -> query.setParameter("type", t));
        return query.getResultList();
    }

    @Override
    @Transactional
    public void recordBatchJobs(Map<UUID, UUID> batchJobOf) {
        CastRows.inChunks(List.copyOf(batchJobOf.entrySet()), chunk -> {
            Binder update = new Binder(em.createNativeQuery("UPDATE event_processing_status s SET batch_job_id = v.job_id"
                    + " FROM (VALUES " + CastRows.values(chunk.size(), List.of("uuid", "uuid")) + ") AS v (event_id, job_id)"
                    + " WHERE s.event_id = v.event_id AND s.status <> 'completed'"));
            chunk.forEach(entry -> update.add(entry.getKey()).add(entry.getValue()));
            update.query().executeUpdate();
        });
    }

    @Override
    @Transactional
    public void markSplitOff(UUID eventId, String reason) {
        em.createNativeQuery("""
                        UPDATE event_processing_status
                           SET batch_job_id = NULL, error_message = ?2, updated_at = now()
                         WHERE event_id = ?1 AND status <> 'completed'""")
                .setParameter(1, eventId).setParameter(2, truncate(reason)).executeUpdate();
    }

    @Override
    @Transactional
    public void markRequeued(UUID eventId) {
        em.createNativeQuery("""
                        UPDATE event_processing_status SET status = 'pending', updated_at = now()
                         WHERE event_id = ?1 AND status = 'failed'""")
                .setParameter(1, eventId).executeUpdate();
    }

    private static String truncate(String message) {
        return message != null && message.length() > 4000 ? message.substring(0, 4000) : message;
    }
}
