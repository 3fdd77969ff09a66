-- Where each event was read from, recorded when it is first consumed: with the job id (derived from
-- the event id) this tells an event's whole story. Nullable: events received before V2 have none.
ALTER TABLE event_processing_status
    ADD COLUMN kafka_topic     VARCHAR(255),
    ADD COLUMN kafka_partition INTEGER,
    ADD COLUMN kafka_offset    BIGINT;
