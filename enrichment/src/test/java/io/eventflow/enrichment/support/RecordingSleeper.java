package io.eventflow.enrichment.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.eventflow.enrichment.resilience.Sleeper;

/** Records the waits between retries instead of spending them. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    /** The waits asked for, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
