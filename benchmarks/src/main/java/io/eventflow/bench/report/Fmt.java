package io.eventflow.bench.report;

import java.util.Locale;

import io.eventflow.bench.load.Latency;
import io.eventflow.bench.platform.DbWork;

/** Number formats of the report. */
final class Fmt {

    private Fmt() {
    }

    /** A rate or count with thousands separators, no decimals ({@code 12,345}); "-" when unknown. */
    static String num(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Milliseconds with a precision that suits their size; "-" when unknown. */
    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f ms", value) : String.format(Locale.ROOT, "%.2f ms", value);
    }

    /** A ratio as a percentage; "-" when either side is unknown. */
    static String ratio(double figure, double ceiling) {
        if (Double.isNaN(figure) || Double.isNaN(ceiling) || ceiling == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100 * figure / ceiling);
    }

    /** KiB as MiB. */
    static String mib(long kb) {
        return String.format(Locale.ROOT, "%,d MiB", Math.round(kb / 1024.0));
    }

    /** A CPU share, 100% being one core. */
    static String cpu(double percent) {
        return Double.isNaN(percent) ? "-" : Math.round(percent) + "%";
    }

    /** p50 / p99 / p99.9 / max of a latency. */
    static String percentiles(Latency l) {
        return l == null || l.count() == 0 ? "-" : ms(l.p50()) + " / " + ms(l.p99()) + " / " + ms(l.p999()) + " / " + ms(l.max());
    }

    /**
     * A small per-event figure: two decimals ({@code 3.41}), three below 0.1 ({@code 0.012}, what a batched mode's
     * figures look like); "-" when unknown.
     */
    static String dec(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value != 0 && Math.abs(value) < 0.1 ? "%.3f" : "%.2f", value);
    }

    /** A figure over runs: {@code 217 (3 runs: 201-230)}, {@code 22 (1 run)}, "-" when no run had it. */
    static String spread(Spread s) {
        if (s.runs() == 0) {
            return "-";
        }
        String range = s.runs() == 1 ? "1 run" : s.runs() + " runs: " + num(s.min()) + "-" + num(s.max());
        return num(s.median()) + " (" + range + ")";
    }

    /** Commits / statements / WAL flushes per unit, e.g. {@code 3.41 / 9.80 / 2.95}; "-" when not read. */
    static String work(DbWork w) {
        return w == null ? "-" : dec(w.commitsPerUnit()) + " / " + dec(w.statementsPerUnit()) + " / " + dec(w.walSyncsPerUnit());
    }

    /** Text for a Markdown table cell: one line, no pipes. */
    static String cell(String text) {
        return text.replaceAll("\\s+", " ").replace("|", "\\|").trim();
    }
}
