package io.eventflow.subscriber.adapter.out.persistence;

import java.util.List;

import io.eventflow.subscriber.application.port.out.EventQueryPort;
import io.eventflow.subscriber.domain.StoredResearchEvent;
import io.eventflow.subscriber.domain.StoredUserEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Reads stored events with JPA queries on the indexed key columns, newest event time first. */
@ApplicationScoped
class EventQueryAdapter implements EventQueryPort {

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredUserEvent> userEvents(String userId, int limit) {
        return em.createQuery("SELECT e FROM UserAnalyticsEventEntity e WHERE e.userId = :key"
                        + " ORDER BY e.timestamp DESC, e.id DESC", UserAnalyticsEventEntity.class)
                .setParameter("key", userId).setMaxResults(limit)
                .getResultStream().map(EventMapper::toStored).toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredResearchEvent> researcherEvents(String researcher, int limit) {
        return em.createQuery("SELECT e FROM ChemicalResearchEventEntity e WHERE e.researcher = :key"
                        + " ORDER BY e.timestamp DESC, e.id DESC", ChemicalResearchEventEntity.class)
                .setParameter("key", researcher).setMaxResults(limit)
                .getResultStream().map(EventMapper::toStored).toList();
    }
}
