package io.eventflow.subscriber.config;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts JobRunr's background job server again after JobRunr stopped it by itself. JobRunr shuts the server down
 * for good when its storage fails for a while (a database restart or outage) and leaves the process running
 * without processing anything. Each {@link #check()} - every poll interval - finds such a stop, waits until the
 * storage answers again, then starts the server: the events resume without a process restart. Only when the
 * server does not stay up after {@value #GIVE_UP_AFTER} starts with the storage answering does
 * {@link #failure()} report it, so that liveness goes DOWN and the supervisor restarts the process.
 */
final class JobServerWatchdog {

    static final int GIVE_UP_AFTER = 3;
    private static final Logger LOGGER = Logger.getLogger(JobServerWatchdog.class.getName());

    private final BooleanSupplier running;
    private final BooleanSupplier storageAnswers;
    private final Runnable start;
    private int stoppedChecks;
    private int failedStarts;
    private boolean waitingLogged;
    private volatile boolean givenUp;

    /**
     * @param running        whether the server runs (false while it is stopped or stopping)
     * @param storageAnswers whether the job storage answers a query now
     * @param start          starts the server
     */
    JobServerWatchdog(BooleanSupplier running, BooleanSupplier storageAnswers, Runnable start) {
        this.running = running;
        this.storageAnswers = storageAnswers;
        this.start = start;
    }

    /** One look at the server: starts it again when it has been stopped for two looks and its storage answers. */
    synchronized void check() {
        if (running.getAsBoolean()) {
            if (stoppedChecks > 0) {
                LOGGER.info("JobRunr's background job server runs again: processing resumed");
            }
            stoppedChecks = 0;
            failedStarts = 0;
            waitingLogged = false;
            givenUp = false;
            return;
        }
        // a stop takes a while (running jobs get their grace period): act on the second look, not the first
        if (++stoppedChecks < 2) {
            return;
        }
        if (!storageAnswers.getAsBoolean()) {
            if (!waitingLogged) {
                LOGGER.warning("JobRunr stopped its background job server (its storage failed); waiting for the "
                        + "database to answer to start it again");
                waitingLogged = true;
            }
            return;
        }
        try {
            LOGGER.info("The database answers again: starting JobRunr's background job server");
            start.run();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not start JobRunr's background job server", e);
        }
        if (!running.getAsBoolean() && ++failedStarts >= GIVE_UP_AFTER) {
            givenUp = true;
        }
    }

    /** Why jobs no longer run here and a new process is needed, once starting the server again has not helped. */
    Optional<String> failure() {
        return givenUp ? Optional.of("JobRunr's background job server stopped and did not stay up after "
                + GIVE_UP_AFTER + " starts although the database answers") : Optional.empty();
    }
}
