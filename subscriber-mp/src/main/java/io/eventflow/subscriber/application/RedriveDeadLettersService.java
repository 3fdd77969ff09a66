package io.eventflow.subscriber.application;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.eventflow.subscriber.application.port.in.RedriveDeadLettersUseCase;
import io.eventflow.subscriber.application.port.out.DeadLetterPort;
import io.eventflow.subscriber.domain.DeadLetter;

/**
 * Sends dead letters back to the events topic. A corrected value must keep the event id of the dead letter: the
 * id is what makes processing idempotent, and a new id would store the event a second time if the first copy
 * had got through after all.
 */
public class RedriveDeadLettersService implements RedriveDeadLettersUseCase {

    private final DeadLetterPort deadLetters;

    /** Creates the service on the dead-letter topic's port. */
    public RedriveDeadLettersService(DeadLetterPort deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Outcome redrive(int partition, long offset, Optional<Correction> correction) {
        Optional<DeadLetter> found = deadLetters.find(partition, offset);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        DeadLetter letter = found.get();
        if (correction.isEmpty()) {
            deadLetters.republish(letter, letter.value());
            return Outcome.REDRIVEN;
        }
        Correction fix = correction.get();
        if (fix.eventId() == null) {
            return Outcome.EVENT_ID_MISSING;
        }
        if (letter.eventId() != null && !letter.eventId().equals(fix.eventId())) {
            return Outcome.EVENT_ID_CHANGED;
        }
        deadLetters.republish(letter, fix.value());
        return Outcome.REDRIVEN;
    }

    @Override
    public int redriveAll(Optional<String> reason) {
        // oldest first: records of one key go back in the order they first came
        List<DeadLetter> chosen = deadLetters.scan().letters().stream()
                .filter(l -> l.hasReason(reason.orElse(null)))
                .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).thenComparing(DeadLetter::partition)
                        .thenComparingLong(DeadLetter::offset))
                .toList();
        chosen.forEach(letter -> deadLetters.republish(letter, letter.value()));
        return chosen.size();
    }
}
