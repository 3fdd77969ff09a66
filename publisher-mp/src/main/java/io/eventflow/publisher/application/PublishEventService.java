package io.eventflow.publisher.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import io.eventflow.publisher.application.port.in.IdempotencyKey;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.publisher.application.port.in.PublishEventUseCase;
import io.eventflow.publisher.application.port.out.PublishEventPort;
import io.eventflow.publisher.domain.EventKeys;
import io.eventflow.publisher.domain.OutgoingEvent;

/**
 * Gives an accepted event its identity, key and publish time, and hands it to the broker. An event with an
 * idempotency key gets an id derived from its type, key and content, so a retry that reaches another
 * instance, or comes after the window, carries the same id and the subscriber stores it once.
 */
public final class PublishEventService implements PublishEventUseCase {

    private final PublishEventPort port;
    private final EventKeys keys;
    private final Clock clock;
    private final String serviceVersion;
    private final IdempotencyWindow window;

    /** Creates the service. */
    public PublishEventService(PublishEventPort port, EventKeys keys, Clock clock, String serviceVersion,
                               IdempotencyWindow window) {
        this.port = port;
        this.keys = keys;
        this.clock = clock;
        this.serviceVersion = serviceVersion;
        this.window = window;
    }

    @Override
    public CompletionStage<UUID> publish(PublishEventCommand command) {
        IdempotencyKey idempotency = command.idempotencyKey();
        if (idempotency == null) {
            return send(command, UUID.randomUUID());
        }
        String scopedKey = command.type() + '\n' + idempotency.key();
        UUID eventId = UUID.nameUUIDFromBytes((scopedKey + '\n' + idempotency.fingerprint())
                .getBytes(StandardCharsets.UTF_8));
        return window.once(scopedKey, idempotency.fingerprint(), () -> send(command, eventId));
    }

    private CompletionStage<UUID> send(PublishEventCommand command, UUID eventId) {
        OutgoingEvent event = new OutgoingEvent(eventId, command.type(), command.schemaVersion(),
                keys.keyOf(command.type(), command.payload()).orElse(null), command.payload(),
                clock.instant(), serviceVersion, command.correlationId(), command.origin());
        return port.publish(event).thenApply(ignored -> eventId);
    }
}
