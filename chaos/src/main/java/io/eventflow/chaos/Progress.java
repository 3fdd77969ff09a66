package io.eventflow.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Progress lines on the console, each with the time since the run began, so a long run shows it is alive. */
final class Progress {

    private final PrintStream out;
    private final Instant start = Instant.now();

    Progress(PrintStream out) {
        this.out = out;
    }

    /** Prints one line, prefixed with the elapsed time and the scenario. */
    void say(String scenario, String format, Object... args) {
        long seconds = Duration.between(start, Instant.now()).toSeconds();
        synchronized (out) {
            out.printf(Locale.ROOT, "[chaos %02d:%02d] %-22s %s%n", seconds / 60, seconds % 60, scenario,
                    String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }

    /** A duration as seconds with one decimal, for progress lines and the table. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
