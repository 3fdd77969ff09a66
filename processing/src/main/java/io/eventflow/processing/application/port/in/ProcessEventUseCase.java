package io.eventflow.processing.application.port.in;

import io.eventflow.processing.domain.ReceivedEvent;

/** Processes one event: routes it by type, enriches and stores it, idempotently. */
public interface ProcessEventUseCase {

    /**
     * Processes the event; throws when the attempt failed and should be retried.
     *
     * @param retryCount how many earlier attempts failed
     */
    void process(ReceivedEvent event, int retryCount);

    /** Records that processing failed after its last retry. */
    void recordFinalFailure(ReceivedEvent event, String errorMessage, int retryCount);
}
