package io.eventflow.subscriber.application.port.in;

import java.util.List;

import io.eventflow.subscriber.domain.StoredResearchEvent;
import io.eventflow.subscriber.domain.StoredUserEvent;

/** Lists stored events for the monitoring API. */
public interface QueryEventsUseCase {

    /** The largest page a client may ask for. */
    int MAX_LIMIT = 100;

    /** A user's newest events; {@code limit} must be within 1..{@value #MAX_LIMIT}. */
    List<StoredUserEvent> userEvents(String userId, int limit);

    /** A researcher's newest experiments; {@code limit} must be within 1..{@value #MAX_LIMIT}. */
    List<StoredResearchEvent> researcherEvents(String researcher, int limit);
}
