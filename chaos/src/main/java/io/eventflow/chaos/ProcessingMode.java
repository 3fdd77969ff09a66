package io.eventflow.chaos;

import java.util.Arrays;
import java.util.List;

/**
 * The subscriber's processing mode a run puts every subscriber and worker process in ({@code --mode}; the services
 * read it as {@code eventflow.processing.mode}, given here through its environment variable).
 */
enum ProcessingMode {

    /** One JobRunr job per event: the subscriber's default. */
    PER_EVENT("per-event", "one JobRunr job per event"),
    /** One JobRunr job per slice of a partition's records; an event that fails is split off into a job of its own. */
    BATCHED("batched", "one JobRunr job per slice of a partition's records");

    /** The environment variable MicroProfile Config maps to {@code eventflow.processing.mode}. */
    static final String ENV = "EVENTFLOW_PROCESSING_MODE";

    private final String value;
    private final String meaning;

    ProcessingMode(String value, String meaning) {
        this.value = value;
        this.meaning = meaning;
    }

    /** The mode named by {@code --mode}; anything else is an error that lists the modes. */
    static ProcessingMode named(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--mode takes " + String.join(" or ", names())
                        + ", not '" + value + "'"));
    }

    /** Every mode's name, as {@code --mode} takes it. */
    static List<String> names() {
        return Arrays.stream(values()).map(ProcessingMode::value).toList();
    }

    /** The name, as {@code --mode} and the services' setting take it. */
    String value() {
        return value;
    }

    /** What the mode does with events, for the report. */
    String meaning() {
        return meaning;
    }
}
