package io.eventflow.publisher.adapter.in.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.publisher.application.port.in.IdempotencyKeyReusedException;
import io.eventflow.publisher.application.port.in.PublishEventCommand;
import io.eventflow.publisher.application.port.in.PublishEventUseCase;
import io.eventflow.publisher.application.port.out.EventRefusedException;
import io.eventflow.schemas.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Parses and publishes one event for any endpoint, counts it, and reports its {@link PublishOutcome}.
 * Returns as soon as the event is handed to the broker, so a caller can send many before any is acknowledged.
 */
@ApplicationScoped
class EventSubmitter {

    private static final Logger LOGGER = Logger.getLogger(EventSubmitter.class.getName());
    private final PublishEventUseCase publishEvent;
    private final IngestionMetrics metrics;

    @Inject
    EventSubmitter(PublishEventUseCase publishEvent, IngestionMetrics metrics) {
        this.publishEvent = publishEvent;
        this.metrics = metrics;
    }

    /**
     * Parses with {@code parse} (which throws {@link InvalidEventException}) and publishes the command; a rejection
     * is counted under the event's type, or under {@code typeLabel} when the request named no known type.
     */
    CompletionStage<PublishOutcome> submit(String typeLabel, Supplier<PublishEventCommand> parse) {
        PublishEventCommand command;
        try {
            command = parse.get();
        } catch (InvalidEventException e) {
            metrics.rejected(e.type().orElse(typeLabel));
            return CompletableFuture.completedFuture(new PublishOutcome.Rejected(e.status(), e.getMessage(),
                    e.violations()));
        }
        return publish(command);
    }

    private CompletionStage<PublishOutcome> publish(PublishEventCommand command) {
        long start = System.nanoTime();
        String type = command.type();
        return publishEvent.publish(command).handle((eventId, error) -> {
            if (error == null) {
                metrics.accepted(type, Duration.ofNanos(System.nanoTime() - start));
                return new PublishOutcome.Accepted(eventId);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof IdempotencyKeyReusedException) {
                metrics.rejected(type);
                return new PublishOutcome.Rejected("Idempotency key reused", List.of(reused(command)));
            }
            if (cause instanceof EventRefusedException refused) {
                metrics.rejected(type);
                return new PublishOutcome.Rejected(refused.tooLarge() ? 413 : 422, "Event refused by the broker",
                        List.of(new Violation("", "", refused.getMessage())));
            }
            metrics.failed(type);
            // an outage is logged once, where it is noticed (the Kafka adapter); this line is for debugging only
            LOGGER.log(Level.FINE, cause, () -> String.format("Event not published: type=%s correlationId=%s",
                    type, command.correlationId()));
            return new PublishOutcome.Unavailable();
        });
    }

    private static Violation reused(PublishEventCommand command) {
        return command.origin().id() != null
                ? new Violation("id", "", "with this source was already used for a different event")
                : new Violation(IdempotencyKeyHeader.NAME, "", "was already used for a different event of this type");
    }
}
