package io.eventflow.subscriber.adapter.jobrunr;

import java.util.Optional;
import java.util.UUID;

import io.eventflow.subscriber.application.port.out.ProcessingJobPort;
import io.eventflow.subscriber.domain.ProcessingJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;

/** Reads a processing job's state and attempts from JobRunr's storage. */
@ApplicationScoped
class JobRunrProcessingJobAdapter implements ProcessingJobPort {

    private final StorageProvider storage;

    @Inject
    JobRunrProcessingJobAdapter(StorageProvider storage) {
        this.storage = storage;
    }

    @Override
    public Optional<ProcessingJob> find(UUID jobId) {
        try {
            Job job = storage.getJobById(jobId);
            int attempts = (int) job.getJobStatesOfType(ProcessingState.class).count();
            return Optional.of(new ProcessingJob(jobId, job.getState().name(), attempts));
        } catch (JobNotFoundException e) {
            return Optional.empty();
        }
    }
}
