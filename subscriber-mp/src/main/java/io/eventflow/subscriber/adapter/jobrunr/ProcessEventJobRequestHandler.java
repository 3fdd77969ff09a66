package io.eventflow.subscriber.adapter.jobrunr;

import io.eventflow.processing.application.port.in.ProcessEventUseCase;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs an event's processing job: request -> event -> use case, in a span of the event's trace. JobRunr retries it
 * when it throws.
 */
public final class ProcessEventJobRequestHandler implements JobRequestHandler<ProcessEventJobRequest> {

    private final ProcessEventUseCase useCase;
    private final EventPayloadCodec codec;
    private final JobTracing tracing;

    /** Creates the handler. */
    public ProcessEventJobRequestHandler(ProcessEventUseCase useCase, EventPayloadCodec codec, JobTracing tracing) {
        this.useCase = useCase;
        this.codec = codec;
        this.tracing = tracing;
    }

    @Override
    public void run(ProcessEventJobRequest request) {
        int failures = jobContext().amountOfFailures();
        int retry = JobAttempts.sinceRequeue(failures, jobContext().getMetadata(JobAttempts.FAILURES_BEFORE_REQUEUE));
        tracing.inJobSpan(request, jobContext().getJobId(), failures + 1,
                () -> useCase.process(codec.toEvent(request), retry));
    }
}
