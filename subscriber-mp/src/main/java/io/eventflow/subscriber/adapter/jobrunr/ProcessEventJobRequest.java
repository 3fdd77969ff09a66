package io.eventflow.subscriber.adapter.jobrunr;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * The stored argument of an event's processing job: the event's identity, its contract JSON and the trace it
 * belongs to, so that every attempt - retries and re-queues included - joins the trace of the request that
 * published the event.
 *
 * @param eventId     the publisher's event id
 * @param type        the event type
 * @param key         the ordering key
 * @param payloadJson the contract's fields as JSON text
 * @param traceParent the W3C {@code traceparent} of the span that scheduled the job, or null (jobs stored before
 *                    tracing have none)
 */
public record ProcessEventJobRequest(UUID eventId, String type, String key, String payloadJson, String traceParent)
        implements JobRequest {

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
