package io.eventflow.subscriber.adapter.jobrunr;

import java.time.Instant;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ElectStateFilter;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;

/**
 * JobRunr's retry policy (exponential backoff: {@code seed ^ failures} seconds, the job's own retry
 * budget or the default), counting only the failures since the job was last re-queued by hand. Replaces
 * JobRunr's {@code RetryFilter}: JobRunr keeps only the last state-election filter it is given.
 */
public final class EventRetryFilter implements ElectStateFilter {

    private final int defaultRetries;
    private final int backoffSeed;

    /** Creates the filter; {@code backoffSeed} 1 retries every second (tests), 3 is JobRunr's default. */
    public EventRetryFilter(int defaultRetries, int backoffSeed) {
        this.defaultRetries = defaultRetries;
        this.backoffSeed = backoffSeed;
    }

    @Override
    public void onStateElection(Job job, JobState newState) {
        if (!(newState instanceof FailedState failed) || failed.mustNotRetry()) {
            return;
        }
        int failures = JobAttempts.failuresSinceRequeue(job);
        int retries = job.getAmountOfRetries() != null ? job.getAmountOfRetries() : defaultRetries;
        if (failures > retries) {
            return;
        }
        long backoff = (long) Math.pow(backoffSeed, failures);
        job.scheduleAt(Instant.now().plusSeconds(backoff), "Retry %d of %d".formatted(failures, retries));
    }
}
