package io.eventflow.subscriber.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code chemical_research_events}. */
@Entity
@Table(name = "chemical_research_events")
class ChemicalResearchEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    UUID eventId;

    @Column(name = "molecule_id", nullable = false)
    String moleculeId;

    @Column(name = "researcher", nullable = false)
    String researcher;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data", nullable = false)
    Map<String, Object> data;

    @Column(name = "timestamp", nullable = false)
    OffsetDateTime timestamp;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "llm_properties")
    Map<String, Object> llmProperties;

    @Column(name = "processed_at", nullable = false)
    OffsetDateTime processedAt;
}
