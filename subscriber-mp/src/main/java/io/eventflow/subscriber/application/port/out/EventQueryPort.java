package io.eventflow.subscriber.application.port.out;

import java.util.List;

import io.eventflow.subscriber.domain.StoredResearchEvent;
import io.eventflow.subscriber.domain.StoredUserEvent;

/** Reads stored events, newest first by event time. */
public interface EventQueryPort {

    /** The newest {@code limit} events of a user. */
    List<StoredUserEvent> userEvents(String userId, int limit);

    /** The newest {@code limit} experiments of a researcher. */
    List<StoredResearchEvent> researcherEvents(String researcher, int limit);
}
