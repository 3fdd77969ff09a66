-- The W3C trace id of the trace each event belongs to (the trace of the request that published it), recorded
-- when it is first consumed, so that the event story links to the trace. Nullable: older events have none.
ALTER TABLE event_processing_status
    ADD COLUMN trace_id VARCHAR(32);
