package io.eventflow.bench.load;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import java.util.concurrent.CompletionException;

/** The shared tally of one load step, fed from the HTTP client's completion threads. */
final class LoadRun {

    private final String label;
    private final LoadGenerator.Listener listener;
    private final Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private volatile long lastNanos = startNanos;

    LoadRun(String label, LoadGenerator.Listener listener) {
        this.label = label;
        this.listener = listener;
    }

    void sent() {
        sent.increment();
    }

    /** Records one answer; latency counts from {@code fromNanos} (the scheduled or the actual send time). */
    void record(long seq, long fromNanos, HttpResponse<String> response, Throwable error) {
        long now = System.nanoTime();
        lastNanos = Math.max(lastNanos, now);
        micros.recordValue(Math.max(0, (now - fromNanos) / 1000));
        int status = response == null ? 0 : response.statusCode();
        String outcome = response == null ? errorName(error) : String.valueOf(status);
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        (status >= 200 && status < 300 ? ok : failed).increment();
        listener.completed(seq, status, response == null ? "" : response.body());
    }

    /** The progress line's text. */
    String status() {
        return String.format("%s: %d sent, %d ok, %d failed", label, sent.sum(), ok.sum(), failed.sum());
    }

    /** The step's result; {@code fromNanos} is when its first request was due. */
    LoadResult result(double offeredRate, int concurrency, long fromNanos) {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        double seconds = (lastNanos - Math.min(fromNanos, startNanos)) / 1e9;
        return new LoadResult(label, offeredRate, concurrency, ok.sum(), failed.sum(), counts, seconds,
                Latency.of(micros));
    }

    private static String errorName(Throwable error) {
        Throwable cause = error;
        while (cause != null && cause.getCause() != null && cause instanceof CompletionException) {
            cause = cause.getCause();
        }
        return cause == null ? "error" : cause.getClass().getSimpleName();
    }
}
