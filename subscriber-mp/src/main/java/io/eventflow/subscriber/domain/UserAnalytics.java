package io.eventflow.subscriber.domain;

import java.util.List;
import java.util.Map;

/**
 * What a user did: how many events, how many of each type, and the newest ones.
 *
 * @param userId       the user
 * @param totalEvents  all stored events of the user
 * @param eventTypes   the number of events per event type, most frequent first
 * @param recentEvents the newest events, newest first by event time
 */
public record UserAnalytics(String userId, long totalEvents, Map<String, Long> eventTypes,
                            List<StoredUserEvent> recentEvents) {
}
