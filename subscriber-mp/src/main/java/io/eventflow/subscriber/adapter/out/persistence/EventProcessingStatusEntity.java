package io.eventflow.subscriber.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code event_processing_status}: one per event, whatever its type. */
@Entity
@Table(name = "event_processing_status")
class EventProcessingStatusEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    UUID eventId;

    @Column(name = "event_type", nullable = false)
    String eventType;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "error_message")
    String errorMessage;

    @Column(name = "retry_count", nullable = false)
    int retryCount;

    @Column(name = "max_retries", nullable = false)
    int maxRetries;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Column(name = "processed_at")
    OffsetDateTime processedAt;

    @Column(name = "kafka_topic")
    String kafkaTopic;

    @Column(name = "kafka_partition")
    Integer kafkaPartition;

    @Column(name = "kafka_offset")
    Long kafkaOffset;

    @Column(name = "trace_id", length = 32)
    String traceId;

    @Column(name = "batch_job_id")
    UUID batchJobId;
}
