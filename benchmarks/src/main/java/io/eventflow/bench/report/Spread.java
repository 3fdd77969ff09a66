package io.eventflow.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A figure measured in several runs: their median, lowest and highest value, and how many runs had one. */
public record Spread(double median, double min, double max, int runs) {

    /** No run had the figure. */
    public static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

    /** The spread of these values; unknown ones (NaN) are left out. An even count's median is the mean of the middle two. */
    public static Spread of(List<Double> values) {
        List<Double> known = values.stream().filter(v -> v != null && !Double.isNaN(v)).sorted().toList();
        int n = known.size();
        if (n == 0) {
            return NONE;
        }
        double median = n % 2 == 1 ? known.get(n / 2) : (known.get(n / 2 - 1) + known.get(n / 2)) / 2;
        return new Spread(median, known.getFirst(), known.getLast(), n);
    }

    /** The spread of one figure of these runs. */
    public static <T> Spread of(List<T> runs, ToDoubleFunction<T> figure) {
        return of(runs.stream().map(figure::applyAsDouble).toList());
    }

    /**
     * The run whose figure is the median (of an even count, the lower of the middle two), so its other figures can be
     * shown beside it; null when no run has the figure.
     */
    public static <T> T medianRun(List<T> runs, ToDoubleFunction<T> figure) {
        List<T> known = runs.stream().filter(r -> r != null && !Double.isNaN(figure.applyAsDouble(r)))
                .sorted(Comparator.comparingDouble(figure)).toList();
        return known.isEmpty() ? null : known.get((known.size() - 1) / 2);
    }
}
