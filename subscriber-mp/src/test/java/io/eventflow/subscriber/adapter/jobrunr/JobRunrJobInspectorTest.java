package io.eventflow.subscriber.adapter.jobrunr;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.eventflow.processing.application.port.out.ProcessingJobsPort.JobCondition;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an event's job is, for the reconciler: its own job first, else the batch job it was given to. */
class JobRunrJobInspectorTest {

    private final InMemoryStorageProvider storage = new InMemoryStorageProvider();
    private final JobRunrJobInspector inspector = new JobRunrJobInspector(storage);

    @BeforeEach
    void mapJobs() {
        storage.setJobMapper(new JobMapper(new JacksonJsonMapper()));
    }

    @Test
    void anEventWithAnEnqueuedJobOfItsOwnIsLiveAndWithADeletedOneEnded() {
        UUID eventId = UUID.randomUUID();
        Job own = storage.save(job(ProcessEventJobRequest.jobIdFor(eventId)));

        assertThat(inspector.condition(eventId, null)).isEqualTo(JobCondition.LIVE);
        own.delete("deleted in the dashboard");
        storage.save(own);
        assertThat(inspector.condition(eventId, null)).isEqualTo(JobCondition.ENDED);
    }

    @Test
    void anEventInALiveBatchJobIsLiveAndOnceTheBatchJobIsGoneItNeedsAJobOfItsOwn() {
        UUID eventId = UUID.randomUUID();
        UUID batchJobId = UUID.randomUUID();
        storage.save(job(batchJobId));

        assertThat(inspector.condition(eventId, batchJobId)).isEqualTo(JobCondition.LIVE);
        storage.deletePermanently(batchJobId);
        assertThat(inspector.condition(eventId, batchJobId)).isEqualTo(JobCondition.MISSING);
        assertThat(inspector.condition(eventId, null)).isEqualTo(JobCondition.MISSING);
    }

    private static Job job(UUID id) {
        return new Job(id, 0, new JobDetails(new ProcessEventJobRequest(UUID.randomUUID(), "user_analytics", "u", "{}",
                null)), List.of(new EnqueuedState()), new ConcurrentHashMap<>());
    }
}
