package io.eventflow.subscriber.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.eventflow.jobs.application.port.out.EventStorePort;
import io.eventflow.jobs.domain.ChemicalResearchEvent;
import io.eventflow.jobs.domain.EventTypes;
import io.eventflow.jobs.domain.UserAnalyticsEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Stores processed events with JPA. The data row and the completed status are written in one transaction, so a
 * completed status means the row is there: an event completed already (a redelivery, an orphaned job run again)
 * adds nothing, and the status statement answers that without a query of its own.
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
        if (status.complete(event.eventId(), EventTypes.USER_ANALYTICS, retryCount)) {
            em.persist(EventMapper.toEntity(event, now()));
        }
    }

    @Override
    @Transactional
    public void storeChemicalResearch(ChemicalResearchEvent event, int retryCount) {
        if (status.complete(event.eventId(), EventTypes.CHEMICAL_RESEARCH, retryCount)) {
            em.persist(EventMapper.toEntity(event, now()));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
