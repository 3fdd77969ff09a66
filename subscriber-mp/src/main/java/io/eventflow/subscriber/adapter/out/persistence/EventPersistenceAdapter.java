package io.eventflow.subscriber.adapter.out.persistence;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.EventTypes;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Stores processed events with JPA, each store a span ({@code store <type>}, its commit included) in the event's
 * trace. The data row and the completed status are written in one transaction, so a
 * completed status means the row is there: an event completed already (a redelivery, an orphaned job run again)
 * adds nothing, and the status statement answers that without a query of its own.
 */
@ApplicationScoped
class EventPersistenceAdapter implements EventStorePort {

    // One statement completes the status and inserts the row, so the two are atomic whatever the connection's
    // transaction handling: a chaos run (kill -9 of the subscriber) once found a status 'completed' committed
    // without its row when they were two statements, and the retried job then skipped the event for good.
    // The row is inserted only when this statement completed the status (a completed event keeps its first row
    // and completion time); ON CONFLICT keeps a row that exists without its status from failing the job.
    private static final String COMPLETE_STATUS = """
            WITH done AS (
                INSERT INTO event_processing_status (event_id, event_type, status, retry_count, processed_at)
                VALUES (?1, ?2, 'completed', ?3, now())
                ON CONFLICT (event_id) DO UPDATE
                   SET status = 'completed', retry_count = EXCLUDED.retry_count, error_message = NULL,
                       updated_at = now(), processed_at = now()
                 WHERE event_processing_status.status <> 'completed'
                RETURNING event_id)
            """;

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    private final ObjectMapper json;

    @Inject
    EventPersistenceAdapter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    @Transactional
    @WithSpan("store user_analytics")
    public void storeUserAnalytics(UserAnalyticsEvent event, int retryCount) {
        em.createNativeQuery(COMPLETE_STATUS + """
                        INSERT INTO user_analytics_events (event_id, user_id, event_type, timestamp, metadata, processed_at)
                        SELECT event_id, ?4, ?5, ?6, CAST(?7 AS jsonb), now() FROM done
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.eventId()).setParameter(2, EventTypes.USER_ANALYTICS)
                .setParameter(3, retryCount).setParameter(4, event.userId()).setParameter(5, event.eventType())
                .setParameter(6, event.timestamp()).setParameter(7, toJson(event.metadata()))
                .executeUpdate();
    }

    @Override
    @Transactional
    @WithSpan("store chemical_research")
    public void storeChemicalResearch(ChemicalResearchEvent event, int retryCount) {
        em.createNativeQuery(COMPLETE_STATUS + """
                        INSERT INTO chemical_research_events
                               (event_id, molecule_id, researcher, data, timestamp, llm_properties, processed_at)
                        SELECT event_id, ?4, ?5, CAST(?6 AS jsonb), ?7, CAST(NULLIF(?8, '') AS jsonb), now() FROM done
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.eventId()).setParameter(2, EventTypes.CHEMICAL_RESEARCH)
                .setParameter(3, retryCount).setParameter(4, event.moleculeId()).setParameter(5, event.researcher())
                .setParameter(6, toJson(event.data())).setParameter(7, event.timestamp())
                .setParameter(8, event.llmProperties() == null ? "" : toJson(event.llmProperties()))
                .executeUpdate();
    }

    private String toJson(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The event's data cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
