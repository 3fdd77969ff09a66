package io.eventflow.subscriber.domain;

import java.util.List;

/**
 * What a read of the dead-letter topic found, newest first.
 *
 * @param letters   the dead letters read, newest first
 * @param truncated true when older records exist than the read went back to (its bound was reached)
 */
public record DeadLetterScan(List<DeadLetter> letters, boolean truncated) {

    /** Creates the scan; the list is copied. */
    public DeadLetterScan {
        letters = List.copyOf(letters);
    }
}
