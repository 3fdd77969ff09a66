package io.eventflow.subscriber.application;

import java.util.List;
import java.util.Optional;

import io.eventflow.subscriber.application.port.in.BrowseDeadLettersUseCase;
import io.eventflow.subscriber.application.port.out.DeadLetterPort;
import io.eventflow.subscriber.domain.DeadLetter;
import io.eventflow.subscriber.domain.DeadLetterPage;
import io.eventflow.subscriber.domain.DeadLetterScan;

/** Pages through the dead-letter topic, optionally only the records with a given reason. */
public class BrowseDeadLettersService implements BrowseDeadLettersUseCase {

    private final DeadLetterPort deadLetters;

    /** Creates the service on the dead-letter topic's port. */
    public BrowseDeadLettersService(DeadLetterPort deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public DeadLetterPage page(Optional<String> reason, int offset, int limit) {
        DeadLetterScan scan = deadLetters.scan();
        List<DeadLetter> matching = scan.letters().stream().filter(l -> l.hasReason(reason.orElse(null))).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new DeadLetterPage(matching.subList(from, to), matching.size(), offset, limit, scan.truncated());
    }

    @Override
    public Optional<DeadLetter> find(int partition, long offset) {
        return deadLetters.find(partition, offset);
    }
}
