package io.eventflow.subscriber.adapter.jobrunr;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.application.port.out.ScheduleProcessingPort;
import io.eventflow.processing.domain.ReceivedEvent;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Schedules one JobRunr job per event, with a job id derived from the event id, so an event never has two; several
 * events go to storage in one bulk insert ({@link JobCreation}).
 */
public final class JobRunrScheduler implements ScheduleProcessingPort {

    private static final int MAX_KEY_IN_NAME = 64;
    private final JobRequestScheduler scheduler;
    private final EventPayloadCodec codec;

    /** Creates the adapter. */
    public JobRunrScheduler(JobRequestScheduler scheduler, EventPayloadCodec codec) {
        this.scheduler = scheduler;
        this.codec = codec;
    }

    @Override
    public Map<UUID, UUID> schedule(List<PendingEvent> events) {
        if (!events.isEmpty()) {
            JobCreation.createAll(scheduler, events.stream().map(this::job).toList());
        }
        return Map.of();
    }

    private JobBuilder job(PendingEvent pending) {
        ReceivedEvent event = pending.event();
        return JobBuilder.aJob()
                .withId(ProcessEventJobRequest.jobIdFor(event.eventId()))
                .withName(jobName(event))
                .withLabels(event.type())
                .withAmountOfRetries(pending.maxRetries())
                .withJobRequest(codec.toRequest(event, pending.traceParent()));
    }

    /** The dashboard's name for the job: what it processes, for which key. */
    static String jobName(ReceivedEvent event) {
        String key = event.key() == null ? "-" : event.key();
        if (key.length() > MAX_KEY_IN_NAME) {
            key = key.substring(0, MAX_KEY_IN_NAME) + "...";
        }
        return "Process " + event.type() + " " + key + " (event " + event.eventId() + ")";
    }
}
