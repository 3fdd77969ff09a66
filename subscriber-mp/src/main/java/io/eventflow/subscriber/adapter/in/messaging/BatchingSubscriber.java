package io.eventflow.subscriber.adapter.in.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Hands a stream's items to a handler in batches, on one thread of its own, in arrival order. Batches form by
 * themselves: whatever arrived while the handler was busy with the previous batch is the next one, so a quiet
 * stream gets each item at once and a busy one gets big batches.
 *
 * <p>Read-ahead is bounded in records and in bytes: an item stays in the window from its arrival until it is
 * released and every item that arrived before it is released too (the commit of a stream moves only over a
 * contiguous run of finished records, so nothing behind an unfinished one can be forgotten). More is requested
 * only while the window is below both bounds; the byte bound uses the average item size seen so far, so it is
 * exceeded by at most one delivery of the upstream (for Kafka, one fetch). An item larger than the whole byte
 * bound still passes, alone.
 *
 * @param <T> the items
 */
final class BatchingSubscriber<T> implements Subscriber<T>, AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(BatchingSubscriber.class.getName());
    private static final double FIRST_SIZE_GUESS = 1024;

    private final int maxInFlight;
    private final long maxInFlightBytes;
    private final ToLongFunction<T> sizeOf;
    private final boolean releaseWhenHandled;
    private final Consumer<List<T>> handler;
    private final ExecutorService worker;
    private final Object lock = new Object();
    private final ArrayDeque<Slot> window = new ArrayDeque<>();
    private final Map<T, Slot> slots = new IdentityHashMap<>();
    private List<T> buffer = new ArrayList<>();
    private boolean drainScheduled;
    private long windowBytes;
    private long outstanding;
    private double averageSize = FIRST_SIZE_GUESS;
    private long seen;
    private volatile boolean stopped;
    private volatile boolean closing;
    private volatile String failure;
    private volatile Subscription subscription;

    /** Creates a subscriber that releases each item once the handler returned; bounded in records only. */
    BatchingSubscriber(String threadName, int maxInFlight, Consumer<List<T>> handler) {
        this(threadName, maxInFlight, Long.MAX_VALUE, item -> 0, true, handler);
    }

    /**
     * Creates the subscriber; its thread is named {@code threadName}.
     *
     * @param releaseWhenHandled true to release items when the handler returns; false when the handler (or
     *                           whatever it hands them to) calls {@link #release(Object)} itself
     */
    BatchingSubscriber(String threadName, int maxInFlight, long maxInFlightBytes, ToLongFunction<T> sizeOf,
                       boolean releaseWhenHandled, Consumer<List<T>> handler) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        if (maxInFlightBytes < 1) {
            throw new IllegalArgumentException("maxInFlightBytes must be at least 1, was " + maxInFlightBytes);
        }
        this.maxInFlight = maxInFlight;
        this.maxInFlightBytes = maxInFlightBytes;
        this.sizeOf = Objects.requireNonNull(sizeOf, "sizeOf");
        this.releaseWhenHandled = releaseWhenHandled;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (subscription != null) {
            s.cancel();
            return;
        }
        subscription = s;
        synchronized (lock) {
            topUp();
        }
    }

    @Override
    public void onNext(T item) {
        Objects.requireNonNull(item, "item");
        long size = Math.max(0, sizeOf.applyAsLong(item));
        synchronized (lock) {
            outstanding = Math.max(0, outstanding - 1);
            Slot slot = new Slot(size, System.nanoTime());
            window.addLast(slot);
            slots.put(item, slot);
            windowBytes += size;
            // a moving average: a run of large records soon shrinks the requests, one outlier barely does
            averageSize = seen++ == 0 ? Math.max(size, 1) : 0.8 * averageSize + 0.2 * Math.max(size, 1);
            buffer.add(item);
            if (drainScheduled) {
                return;
            }
            drainScheduled = true;
        }
        try {
            worker.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOGGER.fine("A record arrived after the consumer stopped; it is redelivered after a restart");
        }
    }

    private void drain() {
        List<T> batch;
        synchronized (lock) {
            batch = buffer;
            buffer = new ArrayList<>();
            drainScheduled = false;
        }
        if (batch.isEmpty() || stopped) {
            return;
        }
        try {
            handler.accept(batch);
        } catch (Exception e) {
            // Exception: a handler can throw a checked one undeclared (a failed commit did, before
            // UndeclaredCommitFailures), and it must be recorded as the failure, not end the thread unseen
            // nothing after this batch is handled or requested: acknowledging later records could move the committed
            // offset past these, which are redelivered after a restart instead
            stopped = true;
            if (!closing) {
                failure = "a batch of " + batch.size() + " records was not handled: " + e;
                LOGGER.log(Level.SEVERE, "A batch of " + batch.size() + " records was not handled; consumption stops"
                        + " until a restart", e);
            }
            return;
        }
        if (releaseWhenHandled) {
            batch.forEach(this::release);
        }
    }

    /** Marks an item finished (stored, or dead-lettered); the window moves on over every finished item at its head. */
    void release(T item) {
        synchronized (lock) {
            Slot slot = slots.remove(item);
            if (slot == null) {
                return;
            }
            slot.released = true;
            while (!window.isEmpty() && window.peekFirst().released) {
                windowBytes -= window.pollFirst().size;
            }
            topUp();
        }
    }

    /** Requests as many items as both bounds allow; called under the lock, so requests are serial. */
    private void topUp() {
        if (stopped || closing || subscription == null) {
            return;
        }
        long byRecords = maxInFlight - window.size() - outstanding;
        long byBytes = (long) ((maxInFlightBytes - (double) windowBytes) / averageSize) - outstanding;
        long n = Math.min(byRecords, byBytes);
        if (n <= 0 && window.isEmpty() && outstanding == 0) {
            n = 1;
        }
        if (n > 0) {
            outstanding += n;
            subscription.request(n);
        }
    }

    @Override
    public void onError(Throwable cause) {
        stopped = true;
        failure = "the stream failed: " + cause;
        LOGGER.log(Level.SEVERE, "The stream failed; no more records will arrive until a restart", cause);
    }

    @Override
    public void onComplete() {
        stopped = true;
        if (!closing) {
            failure = "the stream completed";
            LOGGER.warning("The stream completed while the service runs; no more records will arrive until a restart");
        }
    }

    /** Why consumption stopped for good, or empty while it runs (a stop for shutdown is no failure). */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** How long the oldest item not yet released has been waiting; zero when none is. */
    Duration oldestUnreleasedAge() {
        synchronized (lock) {
            Slot head = window.peekFirst();
            return head == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - head.receivedAt);
        }
    }

    /** Items in the window: arrived, and not yet released together with everything before them. */
    int windowRecords() {
        synchronized (lock) {
            return window.size();
        }
    }

    /** Bytes of the items in the window. */
    long windowBytes() {
        synchronized (lock) {
            return windowBytes;
        }
    }

    /** Stops the thread after the batch it is handling, requesting nothing more; waits up to {@code timeout}. */
    void stop(Duration timeout) {
        closing = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }

    /** Stops the thread after the batch it is handling; records not handled are redelivered later. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /** One item's place in the window. */
    private static final class Slot {
        private final long size;
        private final long receivedAt;
        private boolean released;

        private Slot(long size, long receivedAt) {
            this.size = size;
            this.receivedAt = receivedAt;
        }
    }
}
