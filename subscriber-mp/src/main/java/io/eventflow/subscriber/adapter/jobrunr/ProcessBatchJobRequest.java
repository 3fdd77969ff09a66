package io.eventflow.subscriber.adapter.jobrunr;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * The stored argument of a batch job: a slice of one partition's records, each with its event's job request (the
 * event's identity, contract JSON and trace) - the same request its job of its own gets if it is split off.
 *
 * @param topic     the topic the events were read from
 * @param partition their partition
 * @param events    the events, in offset order
 */
public record ProcessBatchJobRequest(String topic, int partition, List<BatchedEvent> events) implements JobRequest {

    private static final String JOB_ID_PREFIX = "eventflow:process-batch:";

    /**
     * One event of the batch.
     *
     * @param offset  its record's offset
     * @param request what its job of its own would carry
     */
    public record BatchedEvent(long offset, ProcessEventJobRequest request) {
    }

    @Override
    public Class<ProcessBatchJobRequestHandler> getJobRequestHandler() {
        return ProcessBatchJobRequestHandler.class;
    }

    /** The first offset of the slice. */
    public long firstOffset() {
        return events.getFirst().offset();
    }

    /** The last offset of the slice. */
    public long lastOffset() {
        return events.getLast().offset();
    }

    /** The batch job's id: the same slice of records, delivered again, yields the same id. */
    public UUID jobId() {
        String slice = topic + ":" + partition + ":" + firstOffset() + "-" + lastOffset() + ":"
                + events.getFirst().request().eventId() + ":" + events.size();
        return UUID.nameUUIDFromBytes((JOB_ID_PREFIX + slice).getBytes(StandardCharsets.UTF_8));
    }
}
