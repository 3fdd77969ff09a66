package io.eventflow.subscriber.adapter.jobrunr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.application.port.out.ScheduleProcessingPort;
import io.eventflow.processing.domain.StreamPosition;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Batched mode: schedules one JobRunr job per slice of a partition's records (at most {@code maxBatch} events), so
 * JobRunr's cost per job is paid once per slice. Its id derives from the slice, so a redelivered batch creates no
 * second job. An event read from no stream (none is, in this mode) gets a job of its own.
 */
public final class JobRunrBatchScheduler implements ScheduleProcessingPort {

    private static final String BATCH_LABEL = "batch";
    private final JobRequestScheduler scheduler;
    private final EventPayloadCodec codec;
    private final JobRunrScheduler eventJobs;
    private final int maxBatch;

    /** Creates the adapter; {@code eventJobs} schedules the events that have no stream position. */
    public JobRunrBatchScheduler(JobRequestScheduler scheduler, EventPayloadCodec codec, JobRunrScheduler eventJobs,
                                 int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, was " + maxBatch);
        }
        this.scheduler = scheduler;
        this.codec = codec;
        this.eventJobs = eventJobs;
        this.maxBatch = maxBatch;
    }

    @Override
    public Map<UUID, UUID> schedule(List<PendingEvent> events) {
        Map<Partition, List<PendingEvent>> byPartition = new LinkedHashMap<>();
        List<PendingEvent> unplaced = new ArrayList<>();
        for (PendingEvent event : events) {
            StreamPosition position = event.position();
            if (position == null) {
                unplaced.add(event);
            } else {
                byPartition.computeIfAbsent(new Partition(position.topic(), position.partition()),
                        p -> new ArrayList<>()).add(event);
            }
        }
        List<JobBuilder> jobs = new ArrayList<>();
        Map<UUID, UUID> batchJobOf = new LinkedHashMap<>();
        byPartition.forEach((partition, partitionEvents) -> {
            for (int from = 0; from < partitionEvents.size(); from += maxBatch) {
                ProcessBatchJobRequest request = request(partition,
                        partitionEvents.subList(from, Math.min(partitionEvents.size(), from + maxBatch)));
                request.events().forEach(e -> batchJobOf.put(e.request().eventId(), request.jobId()));
                jobs.add(JobBuilder.aJob()
                        .withId(request.jobId())
                        .withName(jobName(request))
                        .withLabels(BATCH_LABEL)
                        .withJobRequest(request));
            }
        });
        if (!jobs.isEmpty()) {
            JobCreation.createAll(scheduler, jobs);
        }
        eventJobs.schedule(unplaced);
        return batchJobOf;
    }

    private ProcessBatchJobRequest request(Partition partition, List<PendingEvent> slice) {
        return new ProcessBatchJobRequest(partition.topic(), partition.partition(),
                slice.stream().map(e -> new ProcessBatchJobRequest.BatchedEvent(e.position().offset(),
                        codec.toRequest(e.event(), e.traceParent()))).toList());
    }

    /** The dashboard's name for a batch job: how many events, from where. */
    static String jobName(ProcessBatchJobRequest request) {
        return "Process batch of " + request.events().size() + " events: " + request.topic() + " partition "
                + request.partition() + ", offsets " + request.firstOffset() + "-" + request.lastOffset();
    }

    /** The partition a slice's records come from. */
    private record Partition(String topic, int partition) {
    }
}
