package io.eventflow.publisher.application;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.publisher.application.port.in.PublishEventUseCase;
import io.eventflow.publisher.application.port.out.PublishEventPort;
import io.eventflow.publisher.domain.EventKeys;
import io.eventflow.publisher.domain.OutgoingEvent;

/** Gives an accepted event its identity, key and publish time, and hands it to the broker. */
public final class PublishEventService implements PublishEventUseCase {

    private final PublishEventPort port;
    private final EventKeys keys;
    private final Clock clock;
    private final String serviceVersion;

    /** Creates the service. */
    public PublishEventService(PublishEventPort port, EventKeys keys, Clock clock, String serviceVersion) {
        this.port = port;
        this.keys = keys;
        this.clock = clock;
        this.serviceVersion = serviceVersion;
    }

    @Override
    public CompletionStage<UUID> publish(PublishEventCommand command) {
        UUID eventId = UUID.randomUUID();
        OutgoingEvent event = new OutgoingEvent(eventId, command.type(), command.schemaVersion(),
                keys.keyOf(command.type(), command.payload()).orElse(null), command.payload(),
                clock.instant(), serviceVersion, command.correlationId());
        return port.publish(event).thenApply(ignored -> eventId);
    }
}
