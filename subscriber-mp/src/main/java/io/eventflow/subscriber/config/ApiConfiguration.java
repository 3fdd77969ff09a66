package io.eventflow.subscriber.config;

import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequest;
import io.eventflow.subscriber.adapter.jobrunr.JobRunrRequeuer;
import io.eventflow.processing.application.RequeueEventService;
import io.eventflow.processing.application.port.in.RequeueEventsUseCase;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.subscriber.application.QueryAnalyticsService;
import io.eventflow.subscriber.application.QueryEventStoryService;
import io.eventflow.subscriber.application.port.in.QueryAnalyticsUseCase;
import io.eventflow.subscriber.application.port.in.QueryEventStoryUseCase;
import io.eventflow.subscriber.application.port.out.AnalyticsQueryPort;
import io.eventflow.subscriber.application.port.out.EventQueryPort;
import io.eventflow.subscriber.application.port.out.EventStoryPort;
import io.eventflow.subscriber.application.port.out.ProcessingJobPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jobrunr.storage.StorageProvider;

/** CDI wiring of the monitoring API's use cases beyond the listings. */
@ApplicationScoped
class ApiConfiguration {

    @Produces
    @ApplicationScoped
    QueryAnalyticsUseCase queryAnalyticsUseCase(AnalyticsQueryPort aggregates, EventQueryPort events) {
        return new QueryAnalyticsService(aggregates, events);
    }

    @Produces
    @ApplicationScoped
    RequeueEventsUseCase requeueEventsUseCase(EventStatusPort status, StorageProvider storage) {
        return new RequeueEventService(status, new JobRunrRequeuer(storage));
    }

    @Produces
    @ApplicationScoped
    QueryEventStoryUseCase queryEventStoryUseCase(EventStoryPort stories, ProcessingJobPort jobs) {
        return new QueryEventStoryService(stories, jobs, ProcessEventJobRequest::jobIdFor);
    }
}
