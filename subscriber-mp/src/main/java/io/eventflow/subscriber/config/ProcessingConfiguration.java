package io.eventflow.subscriber.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.subscriber.adapter.jobrunr.FinalFailureFilter;
import io.eventflow.subscriber.adapter.jobrunr.JobTracing;
import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequestHandler;
import io.eventflow.subscriber.adapter.jobrunr.EventPayloadCodec;
import io.eventflow.subscriber.adapter.jobrunr.JobRunrJobInspector;
import io.eventflow.subscriber.adapter.jobrunr.JobRunrBatchScheduler;
import io.eventflow.subscriber.adapter.jobrunr.JobRunrScheduler;
import io.eventflow.subscriber.adapter.jobrunr.ProcessBatchJobRequestHandler;
import io.eventflow.processing.application.ChemicalResearchHandler;
import io.eventflow.processing.application.EventRouter;
import io.eventflow.processing.application.ProcessEventService;
import io.eventflow.processing.application.ReconcileEventsService;
import io.eventflow.processing.application.ScheduleEventService;
import io.eventflow.processing.application.UserAnalyticsHandler;
import io.eventflow.processing.application.ProcessBatchService;
import io.eventflow.processing.application.port.in.ProcessBatchUseCase;
import io.eventflow.processing.application.port.in.ProcessEventUseCase;
import io.eventflow.processing.application.port.in.ReconcileEventsUseCase;
import io.eventflow.processing.application.port.in.ScheduleEventUseCase;
import io.eventflow.processing.application.port.out.EnrichmentPort;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.application.port.out.ScheduleProcessingPort;
import io.eventflow.processing.application.port.out.StreamReplayPort;
import io.eventflow.processing.application.port.out.UnfinishedEventsPort;
import io.eventflow.schemas.EventSchemas;
import io.eventflow.subscriber.application.QueryEventsService;
import io.eventflow.subscriber.application.port.in.QueryEventsUseCase;
import io.eventflow.subscriber.application.port.out.EventQueryPort;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageProvider;

/** CDI wiring of the processing path: use cases get their ports here, nothing else. */
@ApplicationScoped
class ProcessingConfiguration {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }

    @Produces
    @Singleton
    EventSchemas eventSchemas() {
        return EventSchemas.load();
    }

    @Produces
    @Singleton
    EventPayloadCodec eventPayloadCodec(ObjectMapper mapper) {
        return new EventPayloadCodec(mapper);
    }

    @Produces
    @Singleton
    EventRouter eventRouter(EnrichmentPort enrichment) {
        return new EventRouter(List.of(new UserAnalyticsHandler(), new ChemicalResearchHandler(enrichment)));
    }

    @Produces
    @ApplicationScoped
    ProcessEventUseCase processEventUseCase(EventRouter router, EventStatusPort status, EventStorePort store) {
        return new ProcessEventService(router, status, store);
    }

    @Produces
    @ApplicationScoped
    ScheduleEventUseCase scheduleEventUseCase(EventStatusPort status, JobRequestScheduler scheduler,
                                              EventPayloadCodec codec, Config config) {
        JobRunrScheduler eventJobs = new JobRunrScheduler(scheduler, codec);
        ScheduleProcessingPort jobs = switch (ProcessingMode.of(config)) {
            case PER_EVENT -> eventJobs;
            case BATCHED -> new JobRunrBatchScheduler(scheduler, codec, eventJobs,
                    config.getOptionalValue("eventflow.processing.batch-size", Integer.class).orElse(500));
        };
        return new ScheduleEventService(status, jobs, maxRetriesByType(config));
    }

    @Produces
    @ApplicationScoped
    ProcessBatchUseCase processBatchUseCase(EventRouter router, EventStorePort store, EventStatusPort status,
                                            JobRequestScheduler scheduler, EventPayloadCodec codec, Config config) {
        return new ProcessBatchService(router, store, status, new JobRunrScheduler(scheduler, codec),
                maxRetriesByType(config),
                config.getOptionalValue("eventflow.processing.batch-concurrency", Integer.class).orElse(8));
    }

    @Produces
    @Singleton
    ProcessBatchJobRequestHandler processBatchJobRequestHandler(ProcessBatchUseCase useCase, EventPayloadCodec codec) {
        return new ProcessBatchJobRequestHandler(useCase, codec);
    }

    /** The retry budget of each event type: its own setting, or the default. */
    private static ToIntFunction<String> maxRetriesByType(Config config) {
        int defaultRetries = config.getValue("eventflow.jobs.retries.default", Integer.class);
        return type -> config.getOptionalValue("eventflow.jobs.retries." + type, Integer.class).orElse(defaultRetries);
    }

    @Produces
    @Singleton
    ProcessEventJobRequestHandler processEventJobRequestHandler(ProcessEventUseCase useCase, EventPayloadCodec codec,
                                                                OpenTelemetry openTelemetry) {
        return new ProcessEventJobRequestHandler(useCase, codec, new JobTracing(openTelemetry));
    }

    @Produces
    @Singleton
    FinalFailureFilter finalFailureFilter(ProcessEventUseCase useCase, EventPayloadCodec codec) {
        return new FinalFailureFilter(useCase, codec);
    }

    @Produces
    @ApplicationScoped
    ReconcileEventsUseCase reconcileEventsUseCase(UnfinishedEventsPort unfinished, StorageProvider storage,
                                                  StreamReplayPort stream, JobRequestScheduler scheduler,
                                                  EventPayloadCodec codec, EventStatusPort status, Config config) {
        return new ReconcileEventsService(unfinished, new JobRunrJobInspector(storage), stream,
                new JobRunrScheduler(scheduler, codec), status,
                Duration.ofSeconds(config.getOptionalValue("eventflow.reconciler.stale-after-seconds", Long.class)
                        .orElse(300L)),
                500, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    QueryEventsUseCase queryEventsUseCase(EventQueryPort port) {
        return new QueryEventsService(port);
    }
}
