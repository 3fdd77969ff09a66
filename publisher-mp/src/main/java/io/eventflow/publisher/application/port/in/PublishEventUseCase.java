package io.eventflow.publisher.application.port.in;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Publishes an event; the stage completes with the event id once the broker has the event. */
public interface PublishEventUseCase {

    /** Completes with the new event id after the broker acknowledged it, exceptionally if it did not. */
    CompletionStage<UUID> publish(PublishEventCommand command);
}
