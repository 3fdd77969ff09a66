package io.eventflow.subscriber.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.subscriber.adapter.jobrunr.FinalFailureFilter;
import io.eventflow.subscriber.adapter.jobrunr.JobTracing;
import io.eventflow.subscriber.adapter.jobrunr.ProcessEventJobRequestHandler;
import io.eventflow.subscriber.adapter.jobrunr.EventPayloadCodec;
import io.eventflow.subscriber.adapter.jobrunr.JobRunrJobInspector;
import io.eventflow.subscriber.adapter.jobrunr.JobRunrScheduler;
import io.eventflow.processing.application.ChemicalResearchHandler;
import io.eventflow.processing.application.EventRouter;
import io.eventflow.processing.application.ProcessEventService;
import io.eventflow.processing.application.ReconcileEventsService;
import io.eventflow.processing.application.ScheduleEventService;
import io.eventflow.processing.application.UserAnalyticsHandler;
import io.eventflow.processing.application.port.in.ProcessEventUseCase;
import io.eventflow.processing.application.port.in.ReconcileEventsUseCase;
import io.eventflow.processing.application.port.in.ScheduleEventUseCase;
import io.eventflow.processing.application.port.out.EnrichmentPort;
import io.eventflow.processing.application.port.out.EventStatusPort;
import io.eventflow.processing.application.port.out.EventStorePort;
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
    EventRouter eventRouter(EventStorePort store, EnrichmentPort enrichment) {
        return new EventRouter(List.of(new UserAnalyticsHandler(store), new ChemicalResearchHandler(enrichment, store)));
    }

    @Produces
    @ApplicationScoped
    ProcessEventUseCase processEventUseCase(EventRouter router, EventStatusPort status) {
        return new ProcessEventService(router, status);
    }

    @Produces
    @ApplicationScoped
    ScheduleEventUseCase scheduleEventUseCase(EventStatusPort status, JobRequestScheduler scheduler,
                                              EventPayloadCodec codec, Config config) {
        int defaultRetries = config.getValue("eventflow.jobs.retries.default", Integer.class);
        return new ScheduleEventService(status, new JobRunrScheduler(scheduler, codec),
                type -> config.getOptionalValue("eventflow.jobs.retries." + type, Integer.class).orElse(defaultRetries));
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
