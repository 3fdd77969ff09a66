package io.eventflow.subscriber.adapter.out.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.eventflow.subscriber.application.port.out.AnalyticsQueryPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Aggregates stored events in SQL (GROUP BY, COUNT, DISTINCT on the indexed key columns). */
@ApplicationScoped
class AnalyticsQueryAdapter implements AnalyticsQueryPort {

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> eventTypeCounts(String userId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        em.createQuery("SELECT e.eventType, COUNT(e) FROM UserAnalyticsEventEntity e WHERE e.userId = :key"
                        + " GROUP BY e.eventType ORDER BY COUNT(e) DESC, e.eventType", Object[].class)
                .setParameter("key", userId)
                .getResultStream().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long experimentCount(String researcher) {
        return em.createQuery("SELECT COUNT(e) FROM ChemicalResearchEventEntity e WHERE e.researcher = :key",
                        Long.class)
                .setParameter("key", researcher).getSingleResult();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> molecules(String researcher) {
        return em.createQuery("SELECT DISTINCT e.moleculeId FROM ChemicalResearchEventEntity e"
                        + " WHERE e.researcher = :key ORDER BY e.moleculeId", String.class)
                .setParameter("key", researcher).getResultList();
    }
}
