package io.eventflow.subscriber.application.port.in;

import java.util.Optional;

import io.eventflow.subscriber.domain.ResearcherAnalytics;
import io.eventflow.subscriber.domain.UserAnalytics;

/** Summarises stored events per user and per researcher for the analytics API. */
public interface QueryAnalyticsUseCase {

    /** How many recent events a summary shows. */
    int RECENT = 10;

    /** The user's summary, or empty when the user has no stored events. */
    Optional<UserAnalytics> userAnalytics(String userId);

    /** The researcher's summary, or empty when the researcher has no stored experiments. */
    Optional<ResearcherAnalytics> researcherAnalytics(String researcher);
}
