package io.eventflow.subscriber.adapter.jobrunr;

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
    public JobCondition condition(UUID eventId) {
        try {
            Job job = storage.getJobById(ProcessEventJobRequest.jobIdFor(eventId));
            return ENDED.contains(job.getState()) ? JobCondition.ENDED : JobCondition.LIVE;
        } catch (JobNotFoundException e) {
            return JobCondition.MISSING;
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
