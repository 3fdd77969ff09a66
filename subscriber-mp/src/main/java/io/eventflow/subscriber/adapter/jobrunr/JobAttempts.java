package io.eventflow.subscriber.adapter.jobrunr;

import java.util.List;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;

/**
 * Counts an event job's failed attempts since it was last re-queued by hand. JobRunr keeps every
 * failure in the job's history, so a re-queued job would otherwise start with its retries used up.
 */
public final class JobAttempts {

    /** Job metadata: how many failures the job had when it was last re-queued. */
    public static final String FAILURES_BEFORE_REQUEUE = "eventflowFailuresBeforeRequeue";

    private JobAttempts() {
    }

    /** All failed attempts in the job's history. */
    public static int allFailures(Job job) {
        return (int) job.getJobStatesOfType(FailedState.class).count();
    }

    /** The failed attempts since the last re-queue: the retry number of the next attempt. */
    public static int failuresSinceRequeue(Job job) {
        return sinceRequeue(allFailures(job), job.getMetadata().get(FAILURES_BEFORE_REQUEUE));
    }

    /** {@code allFailures} minus the count recorded at the last re-queue ({@code recorded} may be absent). */
    static int sinceRequeue(int allFailures, Object recorded) {
        int before = recorded instanceof Number n ? n.intValue()
                : recorded instanceof String s ? Integer.parseInt(s) : 0;
        return Math.max(0, allFailures - before);
    }

    /** The message of the job's last failure, or null when it never failed. */
    public static String lastError(Job job) {
        List<JobState> states = job.getJobStates();
        for (int i = states.size() - 1; i >= 0; i--) {
            if (states.get(i) instanceof FailedState failed) {
                return failed.getExceptionMessage() != null ? failed.getExceptionMessage() : failed.getExceptionType();
            }
        }
        return null;
    }
}
