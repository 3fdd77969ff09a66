package io.eventflow.processing.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.PendingEvent;
import io.eventflow.processing.domain.ProcessingStatus;

/** A status port for the services' tests: records the calls it gets, in order. */
final class RecordingStatusPort implements EventStatusPort {

    final List<String> calls = new ArrayList<>();
    final List<PendingEvent> markedPending = new ArrayList<>();
    final Map<UUID, UUID> batchJobs = new HashMap<>();
    boolean completed;
    RuntimeException failure;

    @Override
    public void markPending(List<PendingEvent> events) {
        failIfAsked();
        calls.add("pending " + events.size());
        markedPending.addAll(events);
    }

    @Override
    public boolean markProcessing(UUID eventId, String type, int retryCount) {
        failIfAsked();
        calls.add("processing " + retryCount);
        return !completed;
    }

    @Override
    public void markFailed(UUID eventId, String errorMessage, int retryCount, boolean finalFailure) {
        calls.add((finalFailure ? "failed for good " : "failed ") + retryCount + ": " + errorMessage);
    }

    @Override
    public Optional<ProcessingStatus> find(UUID eventId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<UUID> failedEventIds(Optional<String> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void recordBatchJobs(Map<UUID, UUID> batchJobOf) {
        calls.add("batch jobs of " + batchJobOf.size());
        batchJobs.putAll(batchJobOf);
    }

    @Override
    public void markSplitOff(UUID eventId, String reason) {
        calls.add("split off: " + reason);
    }

    @Override
    public void markRequeued(UUID eventId) {
        throw new UnsupportedOperationException();
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}
