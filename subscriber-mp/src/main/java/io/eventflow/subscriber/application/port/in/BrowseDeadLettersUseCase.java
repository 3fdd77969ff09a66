package io.eventflow.subscriber.application.port.in;

import java.util.Optional;

import io.eventflow.subscriber.domain.DeadLetter;
import io.eventflow.subscriber.domain.DeadLetterPage;

/** Lists what went to the dead-letter topic and why. */
public interface BrowseDeadLettersUseCase {

    /** One page of dead letters, newest first, only those whose reason contains {@code reason} when given. */
    DeadLetterPage page(Optional<String> reason, int offset, int limit);

    /** One dead letter by its partition and offset in the dead-letter topic. */
    Optional<DeadLetter> find(int partition, long offset);
}
