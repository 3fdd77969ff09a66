package io.eventflow.subscriber.adapter.jobrunr;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.eventflow.processing.application.port.out.ProcessingJobsPort;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.IllegalJobStateChangeException;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;

/**
 * Reads an event's job from JobRunr's storage and re-queues it when it ended. JobRunr's optimistic locking makes a
 * concurrent second re-queue of the same job lose.
 */
public final class JobRunrJobInspector implements ProcessingJobsPort {

    private static final Set<StateName> ENDED = Set.of(StateName.SUCCEEDED, StateName.FAILED, StateName.DELETED);
    private final StorageProvider storage;

    /** Creates the adapter. */
    public JobRunrJobInspector(StorageProvider storage) {
        this.storage = storage;
    }

    @Override
    public JobCondition condition(UUID eventId, UUID batchJobId) {
        Optional<Job> own = job(ProcessEventJobRequest.jobIdFor(eventId));
        if (own.isPresent()) {
            return ENDED.contains(own.get().getState()) ? JobCondition.ENDED : JobCondition.LIVE;
        }
        boolean batchLive = batchJobId != null && job(batchJobId).filter(j -> !ENDED.contains(j.getState())).isPresent();
        return batchLive ? JobCondition.LIVE : JobCondition.MISSING;
    }

    private Optional<Job> job(UUID jobId) {
        try {
            return Optional.of(storage.getJobById(jobId));
        } catch (JobNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean enqueueAgain(UUID eventId) {
        try {
            Job job = storage.getJobById(ProcessEventJobRequest.jobIdFor(eventId));
            if (!ENDED.contains(job.getState())) {
                return false;
            }
            job.enqueue();
            storage.save(job);
            return true;
        } catch (JobNotFoundException | ConcurrentJobModificationException | IllegalJobStateChangeException e) {
            return false;
        }
    }
}
