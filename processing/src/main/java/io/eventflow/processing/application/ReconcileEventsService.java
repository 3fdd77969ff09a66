package io.eventflow.processing.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import io.eventflow.processing.application.port.in.ReconcileEventsUseCase;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.application.port.out.ProcessingJobsPort;
import io.eventflow.processing.application.port.out.ProcessingJobsPort.JobCondition;
import io.eventflow.processing.application.port.out.ScheduleProcessingPort;
import io.eventflow.processing.application.port.out.StreamReplayPort;
import io.eventflow.processing.application.port.out.UnfinishedEvent;
import io.eventflow.processing.application.port.out.UnfinishedEventsPort;
import io.eventflow.processing.domain.StreamedEvent;

/**
 * Repairs events left before a final status: a job that ended without writing it (its last write failed) is
 * re-queued; a job that is gone is created again from the event's record in the stream, or, when the record is gone
 * too, the event is marked failed with the reason, so that it shows instead of waiting forever. An event is
 * claimed before it is repaired, so several processes running this at once repair it once; and every repair is
 * idempotent anyway (one job id per event, processing that skips completed events).
 */
public final class ReconcileEventsService implements ReconcileEventsUseCase {

    private static final Logger LOGGER = Logger.getLogger(ReconcileEventsService.class.getName());

    private final UnfinishedEventsPort events;
    private final ProcessingJobsPort jobs;
    private final StreamReplayPort stream;
    private final ScheduleProcessingPort scheduler;
    private final EventStatusPort status;
    private final Duration staleAfter;
    private final int pageSize;
    private final Clock clock;

    /** Creates the service; events untouched for {@code staleAfter} are looked at, {@code pageSize} at a time. */
    public ReconcileEventsService(UnfinishedEventsPort events, ProcessingJobsPort jobs, StreamReplayPort stream,
                                  ScheduleProcessingPort scheduler, EventStatusPort status, Duration staleAfter,
                                  int pageSize, Clock clock) {
        this.events = events;
        this.jobs = jobs;
        this.stream = stream;
        this.scheduler = scheduler;
        this.status = status;
        this.staleAfter = staleAfter;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    @Override
    public Result reconcile() {
        Instant cutoff = clock.instant().minus(staleAfter);
        int stale = 0;
        int requeued = 0;
        int rescheduled = 0;
        int failed = 0;
        long after = 0;
        List<UnfinishedEvent> page;
        do {
            page = events.findStale(cutoff, after, pageSize);
            for (UnfinishedEvent event : page) {
                after = event.rowId();
                stale++;
                JobCondition condition = jobs.condition(event.eventId(), event.batchJobId());
                if (condition == JobCondition.LIVE || !events.claim(event.eventId(), cutoff)) {
                    continue;
                }
                if (condition == JobCondition.ENDED) {
                    if (jobs.enqueueAgain(event.eventId())) {
                        requeued++;
                        log(event, "its job had ended without a final status; re-queued it");
                    }
                } else if (reschedule(event)) {
                    rescheduled++;
                } else {
                    failed++;
                }
            }
        } while (page.size() == pageSize);
        return new Result(stale, requeued, rescheduled, failed);
    }

    private boolean reschedule(UnfinishedEvent event) {
        Optional<StreamedEvent> replayed = event.position() == null ? Optional.empty() : stream.read(event.position());
        if (replayed.isPresent() && replayed.get().event().eventId().equals(event.eventId())) {
            scheduler.schedule(List.of(new PendingEvent(replayed.get().event(), event.maxRetries(), event.position(),
                    replayed.get().traceParent())));
            log(event, "its job was gone; created it again from record " + event.position());
            return true;
        }
        status.markFailed(event.eventId(), "Its processing job was lost and its record can no longer be read"
                + (event.position() == null ? "" : " at " + event.position()) + "; publish the event again",
                event.retryCount(), true);
        log(event, "its job was gone and its record unreadable; marked it failed");
        return false;
    }

    private static void log(UnfinishedEvent event, String what) {
        LOGGER.warning(() -> "Event " + event.eventId() + " (" + event.type() + ") was " + event.status().value()
                + " too long: " + what);
    }

    @Override
    public Optional<Duration> oldestUnfinishedAge() {
        return events.oldestUnfinishedSince().map(since -> {
            Duration age = Duration.between(since, clock.instant());
            return age.isNegative() ? Duration.ZERO : age;
        });
    }
}
