package io.eventflow.subscriber.adapter.out.persistence;

import java.util.List;

import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.application.port.out.EventToStore;
import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores processed events with JPA. A job's single event joins a group commit: the jobs that store at the same time
 * share one transaction, and each returns once its group has committed. Each store is a span ({@code store <type>},
 * the wait for its group's commit included) in the event's trace. A batch of events is one transaction of its own.
 */
@ApplicationScoped
class EventPersistenceAdapter implements EventStorePort {

    private final EventRowWriter rows;
    private final int maxGroup;
    private GroupCommitter groups;

    @Inject
    EventPersistenceAdapter(EventRowWriter rows,
                            @ConfigProperty(name = "eventflow.store.max-group", defaultValue = "256") int maxGroup) {
        this.rows = rows;
        this.maxGroup = maxGroup;
    }

    @PostConstruct
    void start() {
        groups = new GroupCommitter("eventflow-group-commit", maxGroup, rows::writeAll);
    }

    @Override
    @WithSpan("store user_analytics")
    public void storeUserAnalytics(UserAnalyticsEvent event, int retryCount) {
        groups.store(new EventToStore(event, retryCount));
    }

    @Override
    @WithSpan("store chemical_research")
    public void storeChemicalResearch(ChemicalResearchEvent event, int retryCount) {
        groups.store(new EventToStore(event, retryCount));
    }

    @Override
    public void storeAll(List<EventToStore> events) {
        rows.writeAll(events);
    }

    @PreDestroy
    void stop() {
        groups.close();
    }
}
