package io.eventflow.subscriber.adapter.jobrunr;

import java.util.List;
import java.util.logging.Logger;

import io.eventflow.processing.application.port.in.ProcessBatchUseCase;
import io.eventflow.processing.application.port.in.ProcessBatchUseCase.BatchOutcome;
import io.eventflow.processing.domain.StreamPosition;
import io.eventflow.processing.domain.StreamedEvent;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs a batch job: request -> events -> use case. JobRunr retries it when it throws, which the use case does only
 * when the batch as a whole cannot go on; an event that fails alone is split off into a job of its own.
 */
public final class ProcessBatchJobRequestHandler implements JobRequestHandler<ProcessBatchJobRequest> {

    private static final Logger LOGGER = Logger.getLogger(ProcessBatchJobRequestHandler.class.getName());
    private final ProcessBatchUseCase useCase;
    private final EventPayloadCodec codec;

    /** Creates the handler. */
    public ProcessBatchJobRequestHandler(ProcessBatchUseCase useCase, EventPayloadCodec codec) {
        this.useCase = useCase;
        this.codec = codec;
    }

    @Override
    public void run(ProcessBatchJobRequest request) {
        List<StreamedEvent> events = request.events().stream()
                .map(e -> new StreamedEvent(codec.toEvent(e.request()),
                        new StreamPosition(request.topic(), request.partition(), e.offset()), e.request().traceParent()))
                .toList();
        BatchOutcome outcome = useCase.process(events, jobContext().getJobId());
        jobContext().saveMetadata("events", events.size());
        jobContext().saveMetadata("stored", outcome.stored());
        if (!outcome.splitOff().isEmpty()) {
            jobContext().saveMetadata("split off", outcome.splitOff().size());
            LOGGER.warning(() -> JobRunrBatchScheduler.jobName(request) + ": " + outcome.splitOff().size()
                    + " event(s) split off into jobs of their own: " + outcome.splitOff());
        }
    }
}
