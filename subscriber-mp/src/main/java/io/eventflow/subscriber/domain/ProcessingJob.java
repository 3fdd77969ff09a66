package io.eventflow.subscriber.domain;

import java.util.UUID;

/**
 * An event's processing job as the job server knows it.
 *
 * @param id       the job id (derived from the event id, or a batch job's)
 * @param state    the job server's state of the job (e.g. SCHEDULED while it waits for a retry), or null if
 *                 the job server no longer has the job
 * @param attempts how often the job was started, re-queues included
 */
public record ProcessingJob(UUID id, String state, int attempts) {
}
