package io.eventflow.subscriber.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.eventflow.jobs.application.port.out.EventStorePort;
import io.eventflow.jobs.domain.ChemicalResearchEvent;
import io.eventflow.jobs.domain.UserAnalyticsEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Stores processed events with JPA. The data row and the completed status are written in one
 * transaction; an event whose row exists already (a redelivery, an orphaned job run again) adds nothing.
 */
@ApplicationScoped
class EventPersistenceAdapter implements EventStorePort {

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    private final StatusPersistenceAdapter status;

    @Inject
    EventPersistenceAdapter(StatusPersistenceAdapter status) {
        this.status = status;
    }

    @Override
    @Transactional
    public void storeUserAnalytics(UserAnalyticsEvent event, int retryCount) {
        if (!exists(UserAnalyticsEventEntity.class, event.eventId())) {
            em.persist(EventMapper.toEntity(event, now()));
        }
        status.complete(event.eventId(), retryCount);
    }

    @Override
    @Transactional
    public void storeChemicalResearch(ChemicalResearchEvent event, int retryCount) {
        if (!exists(ChemicalResearchEventEntity.class, event.eventId())) {
            em.persist(EventMapper.toEntity(event, now()));
        }
        status.complete(event.eventId(), retryCount);
    }

    private boolean exists(Class<?> entity, UUID eventId) {
        return !em.createQuery("SELECT 1 FROM " + entity.getSimpleName() + " e WHERE e.eventId = :id")
                .setParameter("id", eventId).setMaxResults(1).getResultList().isEmpty();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
