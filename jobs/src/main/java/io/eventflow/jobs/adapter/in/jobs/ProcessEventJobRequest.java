package io.eventflow.jobs.adapter.in.jobs;

import java.util.UUID;

import org.jobrunr.jobs.lambdas.JobRequest;
import java.nio.charset.StandardCharsets;

/**
 * The stored argument of an event's processing job: the event's identity and its contract JSON.
 *
 * @param eventId     the publisher's event id
 * @param type        the event type
 * @param key         the ordering key
 * @param payloadJson the contract's fields as JSON text
 */
public record ProcessEventJobRequest(UUID eventId, String type, String key, String payloadJson) implements JobRequest {

    /** The namespace of job ids, so an event's job id is derived from its event id alone. */
    private static final String JOB_ID_PREFIX = "eventflow:process-event:";

    @Override
    public Class<ProcessEventJobRequestHandler> getJobRequestHandler() {
        return ProcessEventJobRequestHandler.class;
    }

    /** The processing job's id for an event: the same event always yields the same job id. */
    public static UUID jobIdFor(UUID eventId) {
        return UUID.nameUUIDFromBytes((JOB_ID_PREFIX + eventId).getBytes(StandardCharsets.UTF_8));
    }
}
