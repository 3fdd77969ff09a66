package io.eventflow.subscriber.application.port.out;

import java.util.List;
import java.util.Map;

/** Aggregates over stored events, computed by the store. */
public interface AnalyticsQueryPort {

    /** The number of a user's events per event type, most frequent first; empty for an unknown user. */
    Map<String, Long> eventTypeCounts(String userId);

    /** The number of a researcher's experiments. */
    long experimentCount(String researcher);

    /** The distinct molecule ids a researcher experimented on, in alphabetical order. */
    List<String> molecules(String researcher);
}
