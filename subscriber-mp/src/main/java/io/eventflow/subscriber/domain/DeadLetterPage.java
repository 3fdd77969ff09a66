package io.eventflow.subscriber.domain;

import java.util.List;

/**
 * One page of dead letters, newest first.
 *
 * @param letters   the dead letters on this page
 * @param total     how many matched in all
 * @param offset    how many matching ones come before this page
 * @param limit     the largest page asked for
 * @param truncated true when the topic holds older records than were read (see {@link DeadLetterScan})
 */
public record DeadLetterPage(List<DeadLetter> letters, int total, int offset, int limit, boolean truncated) {

    /** Creates the page; the list is copied. */
    public DeadLetterPage {
        letters = List.copyOf(letters);
    }
}
