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

/** A row of {@code user_analytics_events}. */
@Entity
@Table(name = "user_analytics_events")
class UserAnalyticsEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    UUID eventId;

    @Column(name = "user_id", nullable = false)
    String userId;

    @Column(name = "event_type", nullable = false)
    String eventType;

    @Column(name = "timestamp", nullable = false)
    OffsetDateTime timestamp;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    Map<String, Object> metadata;

    @Column(name = "processed_at", nullable = false)
    OffsetDateTime processedAt;
}
