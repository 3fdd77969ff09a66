package io.eventflow.subscriber.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.eventflow.processing.application.port.out.UnfinishedEvent;
import io.eventflow.processing.application.port.out.UnfinishedEventsPort;
import io.eventflow.processing.domain.ProcessingStatus;
import io.eventflow.processing.domain.StreamPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Reads and claims unfinished rows of {@code event_processing_status} for the reconciler. */
@ApplicationScoped
class UnfinishedEventsPersistenceAdapter implements UnfinishedEventsPort {

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnfinishedEvent> findStale(Instant cutoff, long afterRowId, int limit) {
        List<?> rows = em.createNativeQuery("""
                        SELECT id, event_id, event_type, status, retry_count, max_retries,
                               kafka_topic, kafka_partition, kafka_offset, batch_job_id
                          FROM event_processing_status
                         WHERE status IN ('pending', 'processing') AND updated_at < ?1 AND id > ?2
                         ORDER BY id
                         LIMIT ?3""")
                .setParameter(1, Timestamp.from(cutoff)).setParameter(2, afterRowId).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(row -> toEvent((Object[]) row)).toList();
    }

    private static UnfinishedEvent toEvent(Object[] row) {
        StreamPosition position = row[6] == null || row[7] == null || row[8] == null ? null
                : new StreamPosition((String) row[6], ((Number) row[7]).intValue(), ((Number) row[8]).longValue());
        return new UnfinishedEvent(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2],
                ProcessingStatus.valueOf(((String) row[3]).toUpperCase(Locale.ROOT)), ((Number) row[4]).intValue(),
                ((Number) row[5]).intValue(), position, (UUID) row[9]);
    }

    @Override
    @Transactional
    public boolean claim(UUID eventId, Instant cutoff) {
        // the conditional update is the claim: a second process finds the row fresh and changes nothing
        return em.createNativeQuery("""
                        UPDATE event_processing_status SET updated_at = now()
                         WHERE event_id = ?1 AND status IN ('pending', 'processing') AND updated_at < ?2""")
                .setParameter(1, eventId).setParameter(2, Timestamp.from(cutoff))
                .executeUpdate() > 0;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> oldestUnfinishedSince() {
        Object oldest = em.createNativeQuery("""
                        SELECT min(created_at) FROM event_processing_status
                         WHERE status IN ('pending', 'processing')""")
                .getSingleResult();
        return Optional.ofNullable(oldest).map(UnfinishedEventsPersistenceAdapter::toInstant);
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime dateTime -> dateTime.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }
}
