-- The JobRunr adapters moved from the jobs module (package io.eventflow.jobs.adapter.in.jobs) to subscriber-mp
-- (package io.eventflow.subscriber.adapter.jobrunr). JobRunr stores the class names of a job's handler and request
-- in the job itself, so jobs stored before the move - waiting, scheduled or failed and awaiting a retry or a requeue
-- - name classes that no longer exist. This rewrites those names. JobRunr creates its own tables on its first start,
-- after this migration has run, so a new database has none yet and there is nothing to rewrite.
DO $$
BEGIN
    IF to_regclass('jobrunr_jobs') IS NOT NULL THEN
        UPDATE jobrunr_jobs
           SET jobAsJson = replace(jobAsJson, 'io.eventflow.jobs.adapter.in.jobs.',
                                   'io.eventflow.subscriber.adapter.jobrunr.'),
               jobSignature = replace(jobSignature, 'io.eventflow.jobs.adapter.in.jobs.',
                                      'io.eventflow.subscriber.adapter.jobrunr.')
         WHERE jobSignature LIKE 'io.eventflow.jobs.adapter.in.jobs.%';
    END IF;
END
$$;
