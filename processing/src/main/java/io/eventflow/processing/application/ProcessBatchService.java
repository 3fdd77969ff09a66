package io.eventflow.processing.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.ToIntFunction;

import io.eventflow.processing.application.port.in.ProcessBatchUseCase;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.application.port.out.EventToStore;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.application.port.out.ScheduleProcessingPort;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.processing.domain.StreamedEvent;
import io.eventflow.processing.domain.UnknownEventTypeException;

/**
 * Processes a batch of events: prepares them concurrently (enrichment calls included, at most {@code concurrency} at
 * a time), then stores all of them in one transaction. When that transaction fails, each event is stored alone, and
 * an event that fails - to prepare or to store - is split off into a job of its own that retries it, fails it and
 * lets it be requeued like any event processed one at a time.
 */
public final class ProcessBatchService implements ProcessBatchUseCase {

    private final EventRouter router;
    private final EventStorePort store;
    private final EventStatusPort status;
    private final ScheduleProcessingPort eventJobs;
    private final ToIntFunction<String> maxRetriesByType;
    private final int concurrency;

    /**
     * Creates the service.
     *
     * @param eventJobs        schedules the job of its own of an event split off
     * @param maxRetriesByType the retry budget of each event type, for those jobs
     * @param concurrency      how many events are prepared at once (bounds the enrichment calls in flight)
     */
    public ProcessBatchService(EventRouter router, EventStorePort store, EventStatusPort status,
                               ScheduleProcessingPort eventJobs, ToIntFunction<String> maxRetriesByType, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.router = router;
        this.store = store;
        this.status = status;
        this.eventJobs = eventJobs;
        this.maxRetriesByType = maxRetriesByType;
        this.concurrency = concurrency;
    }

    @Override
    public BatchOutcome process(List<StreamedEvent> events, UUID batchJobId) {
        Map<UUID, String> failures = new LinkedHashMap<>();
        List<EventToStore> prepared = prepareAll(events, batchJobId, failures);
        int stored = storeTogether(prepared, failures);
        splitOff(events, batchJobId, failures);
        return new BatchOutcome(stored, Map.copyOf(failures));
    }

    private List<EventToStore> prepareAll(List<StreamedEvent> events, UUID batchJobId, Map<UUID, String> failures) {
        Semaphore permits = new Semaphore(concurrency);
        List<Future<StorableEvent>> preparing = new ArrayList<>(events.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (StreamedEvent event : events) {
                preparing.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return router.handlerFor(event.event().type())
                                .orElseThrow(() -> new UnknownEventTypeException(event.event().type()))
                                .prepare(event.event());
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<EventToStore> prepared = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                try {
                    prepared.add(new EventToStore(preparing.get(i).get(), 0, batchJobId));
                } catch (ExecutionException e) {
                    failures.putIfAbsent(events.get(i).event().eventId(), describe(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while preparing a batch of " + events.size()
                            + " events; its job runs again", e);
                }
            }
            return prepared;
        }
    }

    /** Stores the events in one transaction, or each alone when that fails; returns how many were stored. */
    private int storeTogether(List<EventToStore> prepared, Map<UUID, String> failures) {
        if (prepared.isEmpty()) {
            return 0;
        }
        try {
            store.storeAll(prepared);
            return prepared.size();
        } catch (RuntimeException together) {
            int stored = 0;
            for (EventToStore one : prepared) {
                try {
                    store.storeAll(List.of(one));
                    stored++;
                } catch (RuntimeException e) {
                    failures.putIfAbsent(one.event().eventId(), describe(e));
                }
            }
            return stored;
        }
    }

    /**
     * Gives each failed event a job of its own and records why on its status (which stays pending). When the
     * database cannot be reached this throws, and the whole batch runs again.
     */
    private void splitOff(List<StreamedEvent> events, UUID batchJobId, Map<UUID, String> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Map<UUID, PendingEvent> failed = new LinkedHashMap<>();
        for (StreamedEvent event : events) {
            UUID id = event.event().eventId();
            if (failures.containsKey(id)) {
                failed.putIfAbsent(id, new PendingEvent(event.event(), maxRetriesByType.applyAsInt(event.event().type()),
                        event.position(), event.traceParent()));
            }
        }
        eventJobs.schedule(List.copyOf(failed.values()));
        failures.forEach((id, reason) -> status.markSplitOff(id, "Split off from batch job " + batchJobId
                + " into a job of its own: " + reason));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
