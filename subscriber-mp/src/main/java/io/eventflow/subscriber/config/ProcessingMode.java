package io.eventflow.subscriber.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;

/**
 * How events become JobRunr jobs ({@code eventflow.processing.mode}): one job per event (the default: per-event
 * retries, requeue and a dashboard line per event, at JobRunr's cost per job), or one job per slice of a partition's
 * records (JobRunr's cost paid once per slice; an event that fails is split off into a job of its own).
 */
enum ProcessingMode {

    /** One job per event. */
    PER_EVENT("per-event"),
    /** One job per slice of a partition's records. */
    BATCHED("batched");

    static final String KEY = "eventflow.processing.mode";
    /** The JobRunr worker count; when it is not set, {@code eventflow.jobs.workers.<mode>} applies. */
    static final String WORKERS_KEY = "eventflow.jobs.workers";
    private final String value;

    ProcessingMode(String value) {
        this.value = value;
    }

    /** The JobRunr worker count: {@code eventflow.jobs.workers} when set, else this mode's default. */
    int workers(Config config) {
        return config.getOptionalValue(WORKERS_KEY, Integer.class)
                .orElseGet(() -> config.getValue(WORKERS_KEY + "." + value, Integer.class));
    }

    /** The configured mode; a value that names none stops the start with what the setting takes. */
    static ProcessingMode of(Config config) {
        return of(config.getOptionalValue(KEY, String.class));
    }

    /** The mode a value of {@code eventflow.processing.mode} names; none is the default. */
    static ProcessingMode of(Optional<String> value) {
        String configured = value.orElse(PER_EVENT.value).trim();
        return Arrays.stream(values()).filter(mode -> mode.value.equals(configured.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(KEY + "=" + configured + " is not a processing mode; set "
                        + Arrays.stream(values()).map(m -> m.value).collect(Collectors.joining(" or "))
                        + " (env EVENTFLOW_PROCESSING_MODE)"));
    }
}
