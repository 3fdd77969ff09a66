package io.eventflow.publisher.application.port.out;

import java.util.concurrent.CompletionStage;

import io.eventflow.publisher.domain.OutgoingEvent;

/** Sends an event to the broker; the stage completes when the broker acknowledged it. */
public interface PublishEventPort {

    /** Completes normally on the broker's acknowledgement, exceptionally with {@link PublishFailedException}. */
    CompletionStage<Void> publish(OutgoingEvent event);
}
