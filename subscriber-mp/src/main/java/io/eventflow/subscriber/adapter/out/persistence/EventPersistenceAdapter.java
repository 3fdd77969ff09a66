package io.eventflow.subscriber.adapter.out.persistence;

import java.util.List;

import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.application.port.out.EventToStore;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.subscriber.adapter.tracing.Spans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores processed events with JPA. A job's single event joins a group commit: the jobs that store at the same time
 * share one transaction, and each returns once its group has committed. Each such store is a span
 * ({@code store <type>}, the wait for its group's commit included) in the event's trace. A batch of events is one
 * transaction of its own.
 */
@ApplicationScoped
class EventPersistenceAdapter implements EventStorePort {

    private final EventRowWriter rows;
    private final int maxGroup;
    private final int committers;
    private final Tracer tracer;
    private GroupCommitter groups;

    @Inject
    EventPersistenceAdapter(EventRowWriter rows, OpenTelemetry openTelemetry,
                            @ConfigProperty(name = "eventflow.store.max-group", defaultValue = "256") int maxGroup,
                            @ConfigProperty(name = "eventflow.store.committers", defaultValue = "4") int committers) {
        this.rows = rows;
        this.maxGroup = maxGroup;
        this.committers = committers;
        this.tracer = openTelemetry.getTracer("io.eventflow.processing");
    }

    @PostConstruct
    void start() {
        groups = new GroupCommitter("eventflow-group-commit", maxGroup, committers, rows::writeAll);
    }

    @Override
    public void store(StorableEvent event, int retryCount) {
        Span span = tracer.spanBuilder("store " + event.type()).setAttribute("eventflow.event_id",
                String.valueOf(event.eventId())).startSpan();
        Spans.run(span, () -> groups.store(new EventToStore(event, retryCount)));
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
