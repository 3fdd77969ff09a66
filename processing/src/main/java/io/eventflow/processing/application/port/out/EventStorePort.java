package io.eventflow.processing.application.port.out;

import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;

/**
 * Stores processed events. Each call stores the event and marks it completed in one transaction,
 * and storing an event that is already stored changes nothing.
 */
public interface EventStorePort {

    /** Stores a user analytics event and completes its status. */
    void storeUserAnalytics(UserAnalyticsEvent event, int retryCount);

    /** Stores a chemical research event and completes its status. */
    void storeChemicalResearch(ChemicalResearchEvent event, int retryCount);
}
