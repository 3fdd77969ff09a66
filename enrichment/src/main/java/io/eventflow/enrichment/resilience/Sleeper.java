package io.eventflow.enrichment.resilience;

import java.time.Duration;

/** Waits between retries; a seam so tests can check the waits without spending them. */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration);

    /** Waits for the given time. */
    void sleep(Duration duration) throws InterruptedException;
}
