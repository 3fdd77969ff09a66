package io.eventflow.processing.application;

import io.eventflow.processing.application.port.in.ProcessEventUseCase;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.UnknownEventTypeException;

/**
 * Routes an event to its handler, keeping its status: pending, then completed or failed (as the old platform did), and
 * processing while a retry runs; a completed event is never stored again.
 */
public final class ProcessEventService implements ProcessEventUseCase {

    private final EventRouter router;
    private final EventStatusPort status;
    private final EventStorePort store;

    /** Creates the service. */
    public ProcessEventService(EventRouter router, EventStatusPort status, EventStorePort store) {
        this.router = router;
        this.status = status;
        this.store = store;
    }

    @Override
    public void process(ReceivedEvent event, int retryCount) {
        EventHandler handler = router.handlerFor(event.type())
                .orElseThrow(() -> new UnknownEventTypeException(event.type()));
        // A first attempt goes straight to the store, whose statement completes the status once (pending ->
        // completed, one write). A retry - also the run of a job orphaned by a crash, possibly after its store had
        // committed - first marks the event processing, and stops there when it is completed already.
        if (retryCount > 0 && !status.markProcessing(event.eventId(), event.type(), retryCount)) {
            return;
        }
        try {
            store.store(handler.prepare(event), retryCount);
        } catch (RuntimeException e) {
            status.markFailed(event.eventId(), describe(e), retryCount, false);
            throw e;
        }
    }

    @Override
    public void recordFinalFailure(ReceivedEvent event, String errorMessage, int retryCount) {
        status.markFailed(event.eventId(), errorMessage, retryCount, true);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
