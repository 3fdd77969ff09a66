package io.eventflow.subscriber.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.eventflow.subscriber.application.port.out.EventOverviewPort;
import io.eventflow.subscriber.domain.EventOverview.FailedEvent;
import io.eventflow.subscriber.domain.EventOverview.StatusCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Counts and failures from {@code event_processing_status} (its status and type columns are indexed). */
@ApplicationScoped
class EventOverviewAdapter implements EventOverviewPort {

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StatusCount> countByTypeAndStatus() {
        return em.createQuery("SELECT s.eventType, s.status, COUNT(s) FROM EventProcessingStatusEntity s "
                        + "GROUP BY s.eventType, s.status ORDER BY s.eventType, s.status", Object[].class)
                .getResultStream()
                .map(row -> new StatusCount((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FailedEvent> recentFailures(int limit) {
        return em.createQuery("SELECT s.eventId, s.eventType, s.errorMessage, s.retryCount, s.updatedAt "
                        + "FROM EventProcessingStatusEntity s WHERE s.status = 'failed' ORDER BY s.updatedAt DESC",
                        Object[].class)
                .setMaxResults(limit).getResultStream()
                .map(row -> new FailedEvent((UUID) row[0], (String) row[1], (String) row[2],
                        ((Number) row[3]).intValue(), (OffsetDateTime) row[4]))
                .toList();
    }
}
