package io.eventflow.subscriber.adapter.jobrunr;

import java.util.UUID;

import io.eventflow.processing.application.port.out.RequeueProcessingPort;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;

/**
 * Re-queues the existing job of an event (same id, same history, as the dashboard's "requeue" does) and
 * records how many failures it had, so that its retries count from zero again. JobRunr's optimistic
 * locking makes a concurrent second re-queue of the same job lose.
 */
public final class JobRunrRequeuer implements RequeueProcessingPort {

    private final StorageProvider storage;

    /** Creates the adapter. */
    public JobRunrRequeuer(StorageProvider storage) {
        this.storage = storage;
    }

    @Override
    public boolean requeue(UUID eventId) {
        Job job;
        try {
            job = storage.getJobById(ProcessEventJobRequest.jobIdFor(eventId));
        } catch (JobNotFoundException e) {
            return false;
        }
        if (!job.hasState(StateName.FAILED)) {
            return false;
        }
        job.getMetadata().put(JobAttempts.FAILURES_BEFORE_REQUEUE, JobAttempts.allFailures(job));
        job.enqueue();
        try {
            storage.save(job);
            return true;
        } catch (ConcurrentJobModificationException e) {
            return false;
        }
    }
}
