package io.eventflow.jobs.adapter.in.jobs;

import io.eventflow.jobs.adapter.out.jobrunr.EventPayloadCodec;
import io.eventflow.jobs.application.port.in.ProcessEventUseCase;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs an event's processing job: request -> event -> use case. JobRunr retries it when it throws. */
public final class ProcessEventJobRequestHandler implements JobRequestHandler<ProcessEventJobRequest> {

    private final ProcessEventUseCase useCase;
    private final EventPayloadCodec codec;

    /** Creates the handler. */
    public ProcessEventJobRequestHandler(ProcessEventUseCase useCase, EventPayloadCodec codec) {
        this.useCase = useCase;
        this.codec = codec;
    }

    @Override
    public void run(ProcessEventJobRequest request) {
        int retry = JobAttempts.sinceRequeue(jobContext().amountOfFailures(),
                jobContext().getMetadata(JobAttempts.FAILURES_BEFORE_REQUEUE));
        useCase.process(codec.toEvent(request), retry);
    }
}
