package io.eventflow.bench.platform;

import java.util.Arrays;
import java.util.Map;

/**
 * How the subscriber turns events into JobRunr jobs, as its {@code eventflow.processing.mode} says (environment
 * variable {@code EVENTFLOW_PROCESSING_MODE}): one job per event, or one job per consumer batch.
 */
public enum ProcessingMode {
    /** One JobRunr job per event (the default). */
    PER_EVENT("per-event"),
    /** One JobRunr job per consumer batch. */
    BATCHED("batched");

    /** The environment variable the subscriber reads its mode from (MicroProfile's mapping of the key). */
    public static final String VARIABLE = "EVENTFLOW_PROCESSING_MODE";
    private final String value;

    ProcessingMode(String value) {
        this.value = value;
    }

    /** The mode as the configuration writes it: {@code per-event} or {@code batched}. */
    public String value() {
        return value;
    }

    /** The environment that starts a subscriber in this mode. */
    public Map<String, String> env() {
        return Map.of(VARIABLE, value);
    }

    /** The mode of a configuration value; an unknown one is an error naming the known ones. */
    public static ProcessingMode of(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown processing mode " + value + " (known: "
                        + String.join(", ", Arrays.stream(values()).map(ProcessingMode::value).toList()) + ")"));
    }

    @Override
    public String toString() {
        return value;
    }
}
