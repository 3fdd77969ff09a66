package io.eventflow.subscriber.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The flow at a glance: how many events there are per type and status, and the most recently failed ones.
 *
 * @param counts         one count per event type and status
 * @param recentFailures the most recently failed events, newest first
 */
public record EventOverview(List<StatusCount> counts, List<FailedEvent> recentFailures) {

    /** Creates the overview; the lists are copied. */
    public EventOverview {
        counts = List.copyOf(counts);
        recentFailures = List.copyOf(recentFailures);
    }

    /**
     * Events of one type in one status.
     *
     * @param type   the event type
     * @param status its processing status ({@code pending}, {@code processing}, {@code completed}, {@code failed})
     * @param count  how many
     */
    public record StatusCount(String type, String status, long count) {
    }

    /**
     * A failed event.
     *
     * @param eventId    its id
     * @param type       its type
     * @param error      the last error message
     * @param retryCount the retries it had
     * @param failedAt   when its status last changed
     */
    public record FailedEvent(UUID eventId, String type, String error, int retryCount, OffsetDateTime failedAt) {
    }
}
