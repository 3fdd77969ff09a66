package io.eventflow.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.eventflow.bench.report.Backlog;

/**
 * Holds a sustained phase's load some seconds of storing ahead of the platform: senders wait while the events sent
 * and not yet stored reach the cap - {@code floor} events, or {@link #AHEAD} of the highest rate stored so far if that
 * is more. So the platform always has work queued, no sender outruns it by minutes, and the backlog left when the
 * window closes drains in seconds. The cap spans three JobRunr poll intervals: with less, a mode whose jobs hold
 * hundreds of events found its workers idle between polls and stored what the cap allowed per poll, not what it
 * could. It only grows, so a pause in storing does not choke the load. Stored rows are counted every {@code poll};
 * after {@code deadline} nobody waits.
 */
final class BacklogGate implements AutoCloseable {

    /** How much storing the backlog may hold, at the highest rate stored so far. */
    static final Duration AHEAD = Duration.ofSeconds(15);
    /** The stretch of recent counts the stored rate is read from: one JobRunr poll interval. */
    static final Duration RECENT = Duration.ofSeconds(5);

    /** Where the stored rows are counted. */
    @FunctionalInterface
    interface StoredCount {
        /** The rows stored so far. */
        long count() throws SQLException;
    }

    private final StoredCount stored;
    private final long floor;
    private final long deadlineNanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition counted = lock.newCondition();
    private final Deque<long[]> recent = new ArrayDeque<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-backlog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long storedNow;
    private volatile long cap;
    private volatile long peak;

    BacklogGate(StoredCount stored, long floor, long deadlineNanos, Duration poll) {
        this.stored = stored;
        this.floor = floor;
        this.cap = floor;
        this.deadlineNanos = deadlineNanos;
        poller.scheduleWithFixedDelay(this::count, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The cap on events sent and not yet stored: the floor, or {@code ahead} of {@code storedPerSecond} if more. */
    static long cap(long floor, double storedPerSecond, Duration ahead) {
        double atRate = Double.isNaN(storedPerSecond) ? 0 : storedPerSecond * ahead.toMillis() / 1000.0;
        return Math.max(floor, Math.round(atRate));
    }

    /** Notes events about to be sent. */
    void sent(long events) {
        sent.addAndGet(events);
    }

    /** Returns when fewer events than the cap are waiting to be stored, or once the deadline has passed. */
    void awaitRoom() {
        if (sent.get() - storedNow < cap) {
            return;
        }
        waits.incrementAndGet();
        lock.lock();
        try {
            long left = deadlineNanos - System.nanoTime();
            while (sent.get() - storedNow >= cap && left > 0) {
                left = counted.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** How far the load ran ahead. */
    Backlog backlog() {
        return new Backlog(peak, cap, waits.get());
    }

    private void count() {
        try {
            long now = stored.count();
            long nanos = System.nanoTime();
            recent.addLast(new long[] {nanos, now});
            while (recent.size() > 2 && nanos - recent.peekFirst()[0] > RECENT.toNanos()) {
                recent.removeFirst();
            }
            long[] first = recent.peekFirst();
            double rate = nanos > first[0] ? (now - first[1]) / ((nanos - first[0]) / 1e9) : Double.NaN;
            storedNow = now;
            cap = Math.max(cap, cap(floor, rate, AHEAD));
            peak = Math.max(peak, sent.get() - now);
        } catch (SQLException | RuntimeException e) {
            // a failed count keeps the last one: the gate stays as it was until the next
        }
        lock.lock();
        try {
            counted.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops counting; the count's connection is the caller's to close. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
