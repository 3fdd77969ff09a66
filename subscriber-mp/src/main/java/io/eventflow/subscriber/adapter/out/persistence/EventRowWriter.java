package io.eventflow.subscriber.adapter.out.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.processing.application.port.out.EventToStore;
import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.EventTypes;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import io.eventflow.subscriber.adapter.out.persistence.CastRows.Binder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes events' rows and completes their statuses, many events in one transaction and one statement per event type
 * (per thousand events). Each statement completes the statuses and inserts the rows together, so the two are atomic
 * whatever the connection's transaction handling: a chaos run (kill -9 of the subscriber) once found a status
 * 'completed' committed without its row when they were two statements, and the retried job then skipped the event for
 * good. A row is inserted only for an event whose status this statement completed, so an event completed already (a
 * redelivery, an orphaned job run again) keeps its first row and completion time; ON CONFLICT keeps a row that exists
 * without its status from failing the write.
 */
@ApplicationScoped
class EventRowWriter {

    // The statuses to complete, as the CTE "done" of the events this statement completed.
    private static final String COMPLETE_STATUSES = """
            done AS (
                INSERT INTO event_processing_status
                       (event_id, event_type, status, retry_count, batch_job_id, processed_at)
                SELECT event_id, '%s', 'completed', retry_count, CAST(NULLIF(batch_job_id, '') AS uuid), now() FROM input
                ON CONFLICT (event_id) DO UPDATE
                   SET status = 'completed', retry_count = EXCLUDED.retry_count, error_message = NULL,
                       batch_job_id = EXCLUDED.batch_job_id, updated_at = now(), processed_at = now()
                 WHERE event_processing_status.status <> 'completed'
                RETURNING event_id)
            """;

    private static final Statement USER_ANALYTICS = new Statement(EventTypes.USER_ANALYTICS,
            "event_id, retry_count, batch_job_id, user_id, event_type, timestamp, metadata",
            "uuid, integer, varchar, varchar, varchar, timestamptz, jsonb", """
            INSERT INTO user_analytics_events (event_id, user_id, event_type, timestamp, metadata, processed_at)
            SELECT i.event_id, i.user_id, i.event_type, i.timestamp, i.metadata, now()
              FROM input i JOIN done d ON d.event_id = i.event_id
            ON CONFLICT (event_id) DO NOTHING""");

    private static final Statement CHEMICAL_RESEARCH = new Statement(EventTypes.CHEMICAL_RESEARCH,
            "event_id, retry_count, batch_job_id, molecule_id, researcher, data, timestamp, llm_properties",
            "uuid, integer, varchar, varchar, varchar, jsonb, timestamptz, varchar", """
            INSERT INTO chemical_research_events
                   (event_id, molecule_id, researcher, data, timestamp, llm_properties, processed_at)
            SELECT i.event_id, i.molecule_id, i.researcher, i.data, i.timestamp,
                   CAST(NULLIF(i.llm_properties, '') AS jsonb), now()
              FROM input i JOIN done d ON d.event_id = i.event_id
            ON CONFLICT (event_id) DO NOTHING""");

    @PersistenceContext(unitName = "eventflow")
    private EntityManager em;

    private final ObjectMapper json;

    @Inject
    EventRowWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Stores the events in one transaction: all of them, or none when it throws. An event listed twice is written
     * once (one statement cannot complete a status twice).
     */
    @Transactional
    void writeAll(List<EventToStore> events) {
        Map<UUID, EventToStore> distinct = new LinkedHashMap<>();
        events.forEach(e -> distinct.putIfAbsent(e.event().eventId(), e));
        List<EventToStore> analytics = new ArrayList<>();
        List<EventToStore> research = new ArrayList<>();
        for (EventToStore event : distinct.values()) {
            switch (event.event()) {
                case UserAnalyticsEvent ignored -> analytics.add(event);
                case ChemicalResearchEvent ignored -> research.add(event);
            }
        }
        write(USER_ANALYTICS, analytics, this::bindUserAnalytics);
        write(CHEMICAL_RESEARCH, research, this::bindChemicalResearch);
    }

    private void write(Statement statement, List<EventToStore> events, BiConsumer<Binder, EventToStore> bind) {
        CastRows.inChunks(events, chunk -> {
            Binder binder = new Binder(em.createNativeQuery(statement.sql(chunk.size())));
            chunk.forEach(event -> bind.accept(binder, event));
            binder.query().executeUpdate();
        });
    }

    private void bindUserAnalytics(Binder binder, EventToStore stored) {
        UserAnalyticsEvent event = (UserAnalyticsEvent) stored.event();
        binder.add(event.eventId()).add(stored.retryCount()).add(batchJobId(stored)).add(event.userId()).add(event.eventType())
                .add(event.timestamp()).add(toJson(event.metadata()));
    }

    private void bindChemicalResearch(Binder binder, EventToStore stored) {
        ChemicalResearchEvent event = (ChemicalResearchEvent) stored.event();
        binder.add(event.eventId()).add(stored.retryCount()).add(batchJobId(stored)).add(event.moleculeId())
                .add(event.researcher())
                .add(toJson(event.data())).add(event.timestamp())
                .add(event.llmProperties() == null ? "" : toJson(event.llmProperties()));
    }

    /** The batch job's id as text, empty for none: a null parameter has no type the statement could cast. */
    private static String batchJobId(EventToStore stored) {
        return stored.batchJobId() == null ? "" : stored.batchJobId().toString();
    }

    private String toJson(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The event's data cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** One event type's statement: its input columns with their SQL types, and the row insert. */
    private record Statement(String type, String columns, String sqlTypes, String insertRows) {

        /** The statement for {@code rows} events, every parameter cast to its column's type. */
        String sql(int rows) {
            return "WITH input (" + columns + ") AS (VALUES " + CastRows.values(rows, List.of(sqlTypes.split(", ")))
                    + "),\n" + COMPLETE_STATUSES.formatted(type) + insertRows;
        }
    }
}
