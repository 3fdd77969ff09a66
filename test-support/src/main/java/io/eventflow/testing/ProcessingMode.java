package io.eventflow.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The subscriber's processing modes ({@code eventflow.processing.mode}) as the harnesses that start it choose them: by
 * name on their command line, handed to each subscriber and worker process through its environment.
 */
public enum ProcessingMode {

    /** One JobRunr job per event. */
    PER_EVENT("per-event", "one JobRunr job per event", 32),
    /** One JobRunr job per slice of a partition's records. */
    BATCHED("batched", "one JobRunr job per slice of a partition's records", 8);

    /** The environment variable a service process reads the mode from. */
    public static final String VARIABLE = "EVENTFLOW_PROCESSING_MODE";

    private final String value;
    private final String meaning;
    private final int defaultWorkers;

    ProcessingMode(String value, String meaning, int defaultWorkers) {
        this.value = value;
        this.meaning = meaning;
        this.defaultWorkers = defaultWorkers;
    }

    /**
     * The mode with this name, exactly as the subscriber spells it.
     *
     * @param option the command-line option that gave it, named in the error
     * @throws IllegalArgumentException naming the modes there are, when it names none
     */
    public static ProcessingMode named(String value, String option) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(option + " takes " + String.join(" or ", names())
                        + ", not '" + value + "'"));
    }

    /** The names of the modes, as the subscriber spells them. */
    public static List<String> names() {
        return Arrays.stream(values()).map(ProcessingMode::value).toList();
    }

    /** The name the subscriber's setting takes. */
    public String value() {
        return value;
    }

    /** What the mode means, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** The JobRunr worker count the subscriber runs in this mode unless {@code eventflow.jobs.workers} is set. */
    public int defaultWorkers() {
        return defaultWorkers;
    }

    /** The environment that puts a service process in this mode. */
    public Map<String, String> env() {
        return Map.of(VARIABLE, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
