package io.eventflow.subscriber.adapter.jobrunr;

import io.eventflow.processing.application.port.in.ProcessEventUseCase;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobServerFilter;

/** When JobRunr gives up on an event's job, marks the event failed with the last error and its retry count. */
public final class FinalFailureFilter implements JobServerFilter {

    private final ProcessEventUseCase useCase;
    private final EventPayloadCodec codec;

    /** Creates the filter. */
    public FinalFailureFilter(ProcessEventUseCase useCase, EventPayloadCodec codec) {
        this.useCase = useCase;
        this.codec = codec;
    }

    @Override
    public void onFailedAfterRetries(Job job) {
        if (!(job.getJobDetails().getJobParameters().get(0).getObject() instanceof ProcessEventJobRequest request)) {
            return;
        }
        String error = JobAttempts.lastError(job);
        int retries = Math.max(0, JobAttempts.failuresSinceRequeue(job) - 1);
        useCase.recordFinalFailure(codec.toEvent(request), error == null ? "failed" : error, retries);
    }
}
