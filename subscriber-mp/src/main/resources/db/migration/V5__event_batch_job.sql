-- In batched mode one job processes many events: the status row names the batch job that completed the event, so
-- the event story can show it. NULL means the event's own job (whose id derives from the event id).
ALTER TABLE event_processing_status ADD COLUMN batch_job_id UUID;
