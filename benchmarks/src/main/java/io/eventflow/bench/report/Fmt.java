package io.eventflow.bench.report;

import java.util.Locale;

import io.eventflow.bench.load.Latency;

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
}
