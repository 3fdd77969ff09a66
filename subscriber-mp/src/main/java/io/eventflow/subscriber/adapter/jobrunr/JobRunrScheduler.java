package io.eventflow.subscriber.adapter.jobrunr;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.application.port.out.ScheduleProcessingPort;
import io.eventflow.processing.domain.ReceivedEvent;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Schedules one JobRunr job per event, with a job id derived from the event id. Several events go to storage in
 * one bulk insert. JobRunr ignores a single new job whose id it already stores, but a bulk insert with such an
 * id fails as a whole; a redelivered batch therefore falls back to one job at a time, so it creates no second job.
 */
public final class JobRunrScheduler implements ScheduleProcessingPort {

    private static final Logger LOGGER = Logger.getLogger(JobRunrScheduler.class.getName());
    private static final int MAX_KEY_IN_NAME = 64;
    private final JobRequestScheduler scheduler;
    private final EventPayloadCodec codec;

    /** Creates the adapter. */
    public JobRunrScheduler(JobRequestScheduler scheduler, EventPayloadCodec codec) {
        this.scheduler = scheduler;
        this.codec = codec;
    }

    @Override
    public void schedule(List<PendingEvent> events) {
        if (events.size() == 1) {
            scheduler.create(job(events.getFirst()));
            return;
        }
        try {
            scheduler.create(events.stream().map(this::job));
        } catch (RuntimeException bulkFailed) {
            LOGGER.info(() -> "Bulk insert of " + events.size() + " jobs failed (" + bulkFailed.getClass().getSimpleName()
                    + "): a redelivery of stored jobs, or storage trouble; inserting them one by one");
            LOGGER.log(Level.FINE, "Bulk insert failure", bulkFailed);
            events.forEach(event -> scheduler.create(job(event)));
        }
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
