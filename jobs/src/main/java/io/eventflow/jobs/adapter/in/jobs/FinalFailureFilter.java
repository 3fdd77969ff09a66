package io.eventflow.jobs.adapter.in.jobs;

import java.util.List;

import io.eventflow.jobs.adapter.out.jobrunr.EventPayloadCodec;
import io.eventflow.jobs.application.port.in.ProcessEventUseCase;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobServerFilter;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;

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
        List<JobState> states = job.getJobStates();
        List<FailedState> failures = states.stream()
                .filter(FailedState.class::isInstance).map(FailedState.class::cast).toList();
        String error = failures.isEmpty() ? "failed" : failures.get(failures.size() - 1).getExceptionMessage();
        useCase.recordFinalFailure(codec.toEvent(request), error, Math.max(0, failures.size() - 1));
    }
}
