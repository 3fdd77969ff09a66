package io.eventflow.publisher.adapter.out.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells an outage of the broker from its single failures: one WARNING line when publishes start failing, one INFO
 * line when one succeeds again (with how long it lasted and how many publishes failed meanwhile), and counters for
 * both, instead of a line per failed event.
 */
final class BrokerOutage {

    private static final Logger LOGGER = Logger.getLogger(BrokerOutage.class.getName());

    private final Runnable onOutage;
    private final Runnable onFailure;
    // the start of the current outage (System.nanoTime), or null while publishes succeed
    private final AtomicReference<Long> since = new AtomicReference<>();
    private final AtomicLong failedDuringOutage = new AtomicLong();

    /** {@code onOutage} runs once per outage, {@code onFailure} once per failed publish (e.g. metric counters). */
    BrokerOutage(Runnable onOutage, Runnable onFailure) {
        this.onOutage = onOutage;
        this.onFailure = onFailure;
    }

    /** A publish failed because of the broker (not because of the event). */
    void failed(Throwable cause) {
        onFailure.run();
        failedDuringOutage.incrementAndGet();
        if (since.compareAndSet(null, System.nanoTime())) {
            onOutage.run();
            LOGGER.log(Level.WARNING, cause, () -> "Kafka broker unavailable: publishes are answered 503 until it"
                    + " is back (" + describe(cause) + "). Further failures are counted in publish_broker_failures,"
                    + " not logged.");
        }
    }

    /** A publish was acknowledged: ends an outage, if one was going on. */
    void delivered() {
        Long start = since.get();
        if (start != null && since.compareAndSet(start, null)) {
            long failed = failedDuringOutage.getAndSet(0);
            Duration lasted = Duration.ofNanos(System.nanoTime() - start);
            LOGGER.info(() -> "Kafka broker available again after " + lasted.toMillis() + " ms; " + failed
                    + " publishes failed during the outage");
        }
    }

    /** Whether publishes are failing now. */
    boolean ongoing() {
        return since.get() != null;
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
