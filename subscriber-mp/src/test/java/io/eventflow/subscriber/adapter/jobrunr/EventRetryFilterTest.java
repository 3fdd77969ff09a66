package io.eventflow.subscriber.adapter.jobrunr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventRetryFilterTest {

    private final EventRetryFilter filter = new EventRetryFilter(3, 2);

    @Test
    void schedulesTheRetryAfterSeedToThePowerOfFailuresSeconds() {
        Job job = jobWithFailures(2, null);

        filter.onStateElection(job, job.getJobState());

        ScheduledState retry = job.getJobState();
        assertThat(Duration.between(Instant.now(), retry.getScheduledAt()))
                .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4));
        assertThat(retry.getReason()).isEqualTo("Retry 2 of 3");
    }

    @Test
    void leavesTheJobFailedWhenItsRetriesAreUsedUp() {
        Job job = jobWithFailures(4, null);

        filter.onStateElection(job, job.getJobState());

        assertThat(job.getState()).isEqualTo(StateName.FAILED);
    }

    @Test
    void countsOnlyTheFailuresSinceTheLastRequeue() {
        Job job = jobWithFailures(5, 4);

        filter.onStateElection(job, job.getJobState());

        assertThat(job.getState()).isEqualTo(StateName.SCHEDULED);
        assertThat(((ScheduledState) job.getJobState()).getReason()).isEqualTo("Retry 1 of 3");
        assertThat(JobAttempts.failuresSinceRequeue(job)).isEqualTo(1);
    }

    @Test
    void usesTheJobsOwnRetryBudgetOverTheDefault() {
        Job job = jobWithFailures(1, null);
        job.setAmountOfRetries(0);

        filter.onStateElection(job, job.getJobState());

        assertThat(job.getState()).isEqualTo(StateName.FAILED);
    }

    @Test
    void ignoresStatesOtherThanFailed() {
        Job job = new Job(UUID.randomUUID(), 0, details(), List.of(new EnqueuedState()), new ConcurrentHashMap<>());

        filter.onStateElection(job, job.getJobState());

        assertThat(job.getState()).isEqualTo(StateName.ENQUEUED);
    }

    private static Job jobWithFailures(int failures, Integer failuresBeforeRequeue) {
        List<JobState> history = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            history.add(new EnqueuedState());
            history.add(new FailedState("attempt " + i, new IllegalStateException("boom " + i)));
        }
        var metadata = new ConcurrentHashMap<String, Object>();
        if (failuresBeforeRequeue != null) {
            metadata.put(JobAttempts.FAILURES_BEFORE_REQUEUE, failuresBeforeRequeue);
        }
        return new Job(UUID.randomUUID(), 0, details(), history, metadata);
    }

    private static JobDetails details() {
        return new JobDetails(new ProcessEventJobRequest(UUID.randomUUID(), "user_analytics", "user-1", "{}", null));
    }
}
