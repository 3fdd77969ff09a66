package io.eventflow.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.eventflow.testing.ProcessingMode;

/**
 * The command line of {@code ./eventflow chaos}.
 *
 * @param root         the project's root folder (jars are taken from its modules, RELIABILITY.md written there)
 * @param shortRun     the short variant: fewer events per scenario and only the most telling scenarios
 * @param only         scenario names to run (empty: all of the variant's)
 * @param events       events sent per scenario
 * @param rate         events per second the clients aim for (the fault lands mid-load)
 * @param mode         the processing mode of every subscriber and worker process the run starts
 * @param help         print the usage and stop
 */
record ChaosOptions(Path root, boolean shortRun, List<String> only, int events, int rate, ProcessingMode mode,
                    boolean help) {

    static final int FULL_EVENTS = 10_000;
    static final int SHORT_EVENTS = 1_500;
    static final int DEFAULT_RATE = 250;

    static final String USAGE = """
            Usage: ./eventflow chaos [--short] [--only <scenario,...>] [--events N] [--rate N] [--mode %s]

            Starts the platform as real processes on free ports for each scenario, sends events under load from
            several clients (single POSTs and batches), injects the scenario's fault mid-load, heals it, waits for
            processing to settle and counts from PostgreSQL what became of every event answered 202: lost,
            duplicated, stuck (not final), failed. Prints a table and writes it into RELIABILITY.md (full and
            --short runs; not when --only picks scenarios), into the results block of the run's --mode.

              --short            the short variant (%d events, 3 scenarios) that ./eventflow test also runs
              --only a,b         run only these scenarios: %s
              --events N         events per scenario (default %d; %d with --short)
              --rate N           events per second the clients send (default %d)
              --mode M           the subscriber's processing mode in every subscriber and worker process:
                                 per-event (default: one JobRunr job per event) or batched (one job per slice
                                 of a partition's records; sets EVENTFLOW_PROCESSING_MODE)
              --help             this text
            """;

    /** Reads the arguments; unknown ones are an error naming the argument. */
    static ChaosOptions parse(String[] args) {
        Path root = Path.of(".").toAbsolutePath().normalize();
        boolean shortRun = false;
        List<String> only = new ArrayList<>();
        Integer events = null;
        int rate = DEFAULT_RATE;
        ProcessingMode mode = ProcessingMode.PER_EVENT;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(value(args, ++i, "--root")).toAbsolutePath().normalize();
                case "--short" -> shortRun = true;
                case "--only" -> only.addAll(List.of(value(args, ++i, "--only").split(",")));
                case "--events" -> events = positive(value(args, ++i, "--events"), "--events");
                case "--rate" -> rate = positive(value(args, ++i, "--rate"), "--rate");
                case "--mode" -> mode = ProcessingMode.named(value(args, ++i, "--mode"), "--mode");
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; see --help");
            }
        }
        int count = events != null ? events : shortRun ? SHORT_EVENTS : FULL_EVENTS;
        return new ChaosOptions(root, shortRun, List.copyOf(only), count, rate, mode, help);
    }

    /** The usage text, listing the scenarios. */
    static String usage() {
        return USAGE.formatted(String.join("|", ProcessingMode.names()), SHORT_EVENTS,
                String.join(", ", Scenarios.names()), FULL_EVENTS, SHORT_EVENTS, DEFAULT_RATE);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value; see --help");
        }
        return args[index];
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not '" + text + "'");
    }
}
