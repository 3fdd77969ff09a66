package io.eventflow.subscriber.adapter.in.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Hands a stream's items to a handler in batches, on one thread of its own, in arrival order. Batches form by
 * themselves: whatever arrived while the handler was busy with the previous batch is the next one, so a quiet
 * stream gets each item at once and a busy one gets big batches. At most {@code maxInFlight} items are requested
 * and not yet handled; more are requested only as batches finish.
 *
 * @param <T> the items
 */
final class BatchingSubscriber<T> implements Subscriber<T>, AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(BatchingSubscriber.class.getName());

    private final int maxInFlight;
    private final Consumer<List<T>> handler;
    private final ExecutorService worker;
    private final Object lock = new Object();
    private List<T> buffer = new ArrayList<>();
    private boolean drainScheduled;
    private volatile boolean stopped;
    private volatile Subscription subscription;

    /** Creates the subscriber; its thread is named {@code threadName}. */
    BatchingSubscriber(String threadName, int maxInFlight, Consumer<List<T>> handler) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
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
        s.request(maxInFlight);
    }

    @Override
    public void onNext(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
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
        } catch (RuntimeException e) {
            // nothing after this batch is handled or requested: acknowledging later records could move the committed
            // offset past these, which are redelivered after a restart instead
            stopped = true;
            LOGGER.log(Level.SEVERE, "A batch of " + batch.size() + " records was not handled; consumption stops"
                    + " until a restart", e);
            return;
        }
        subscription.request(batch.size());
    }

    @Override
    public void onError(Throwable failure) {
        LOGGER.log(Level.SEVERE, "The stream failed; no more records will arrive until a restart", failure);
    }

    @Override
    public void onComplete() {
        LOGGER.fine("The stream completed");
    }

    /** Stops the thread after the batch it is handling; records not handled are redelivered later. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }
}
