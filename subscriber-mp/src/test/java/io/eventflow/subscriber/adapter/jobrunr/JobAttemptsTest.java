package io.eventflow.subscriber.adapter.jobrunr;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.FailedState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobAttemptsTest {

    @Test
    void subtractsTheFailuresRecordedAtTheLastRequeueWhateverTheirJsonType() {
        assertThat(JobAttempts.sinceRequeue(5, null)).isEqualTo(5);
        assertThat(JobAttempts.sinceRequeue(5, 4)).isEqualTo(1);
        assertThat(JobAttempts.sinceRequeue(5, 4L)).isEqualTo(1);
        assertThat(JobAttempts.sinceRequeue(5, "4")).isEqualTo(1);
        assertThat(JobAttempts.sinceRequeue(3, 4)).isZero();
    }

    @Test
    void reportsTheMessageOfTheLastFailure() {
        Job job = new Job(UUID.randomUUID(), 0,
                new JobDetails(new ProcessEventJobRequest(UUID.randomUUID(), "user_analytics", "k", "{}", null)),
                List.of(new EnqueuedState(), new FailedState("first", new IllegalStateException("first error")),
                        new EnqueuedState(), new FailedState("second", new IllegalStateException("second error"))),
                new ConcurrentHashMap<>());

        assertThat(JobAttempts.lastError(job)).isEqualTo("second error");
        assertThat(JobAttempts.allFailures(job)).isEqualTo(2);
    }
}
