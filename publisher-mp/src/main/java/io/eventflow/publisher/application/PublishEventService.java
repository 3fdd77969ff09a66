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
 * idempotency key gets an id derived from its client (API key), type, key and content, so a retry that reaches
 * another instance, or comes after the window, carries the same id and the subscriber stores it once, while two
 * clients using the same key get different events.
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
        String scopedKey = scoped(idempotency.client(), command.type(), idempotency.key());
        UUID eventId = UUID.nameUUIDFromBytes((scopedKey + idempotency.fingerprint())
                .getBytes(StandardCharsets.UTF_8));
        return window.once(scopedKey, idempotency.fingerprint(), () -> send(command, eventId));
    }

    // each part prefixed with its length: no client, type or key can be chosen to collide with another's
    private static String scoped(String client, String type, String key) {
        StringBuilder scoped = new StringBuilder();
        for (String part : new String[] {client == null ? "" : client, type, key}) {
            scoped.append(part.length()).append(':').append(part);
        }
        return scoped.toString();
    }

    private CompletionStage<UUID> send(PublishEventCommand command, UUID eventId) {
        OutgoingEvent event = new OutgoingEvent(eventId, command.type(), command.schemaVersion(),
                keys.keyOf(command.type(), command.payload()).orElse(null), command.payload(),
                clock.instant(), serviceVersion, command.correlationId(), command.origin());
        return port.publish(event).thenApply(ignored -> eventId);
    }
}
