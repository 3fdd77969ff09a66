package io.eventflow.publisher.adapter.out.kafka;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what the publisher has handed to the producer and not yet seen acknowledged, in records and in bytes,
 * so that neither many small events nor a few large ones can fill the heap while the broker is slow.
 * A sender waits for room up to its own deadline; it never holds a lock while it waits.
 */
final class InFlightBudget {

    private final int maxRecords;
    private final int maxBytes;
    private final Semaphore records;
    private final Semaphore bytes;

    /** A budget of {@code maxRecords} records and {@code maxBytes} bytes. */
    InFlightBudget(int maxRecords, int maxBytes) {
        if (maxRecords < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("The in-flight window needs at least one record and one byte");
        }
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        // fair: a large record waiting for bytes is not overtaken forever by small ones
        this.records = new Semaphore(maxRecords, true);
        this.bytes = new Semaphore(maxBytes, true);
    }

    /**
     * Takes room for one record of {@code size} bytes, waiting at most {@code timeoutNanos}; false if there was
     * none in time. A record larger than the whole byte budget takes all of it (so it still goes, alone).
     */
    boolean tryAcquire(int size, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeoutNanos);
        if (!records.tryAcquire(1, Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS)) {
            return false;
        }
        if (!bytes.tryAcquire(charge(size), Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            records.release();
            return false;
        }
        return true;
    }

    /** Gives back the room taken for a record of {@code size} bytes once the producer is done with it. */
    void release(int size) {
        bytes.release(charge(size));
        records.release();
    }

    /** Records in flight now. */
    int records() {
        return maxRecords - records.availablePermits();
    }

    /** Bytes in flight now. */
    long bytes() {
        return (long) maxBytes - bytes.availablePermits();
    }

    private int charge(int size) {
        return Math.max(1, Math.min(size, maxBytes));
    }
}
