package io.eventflow.jobs.adapter.out.jobrunr;

import io.eventflow.jobs.adapter.in.jobs.ProcessEventJobRequest;
import io.eventflow.jobs.application.port.out.ScheduleProcessingPort;
import io.eventflow.jobs.domain.ReceivedEvent;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Schedules one JobRunr job per event, with a job id derived from the event id: JobRunr ignores a
 * second job with an id it already stores, so a redelivered record creates no second job.
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
    public void schedule(ReceivedEvent event, int maxRetries) {
        scheduler.create(JobBuilder.aJob()
                .withId(ProcessEventJobRequest.jobIdFor(event.eventId()))
                .withName(jobName(event))
                .withLabels(event.type())
                .withAmountOfRetries(maxRetries)
                .withJobRequest(codec.toRequest(event)));
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
