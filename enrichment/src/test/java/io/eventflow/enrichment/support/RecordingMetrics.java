package io.eventflow.enrichment.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.eventflow.enrichment.EnrichmentMetrics;

/** Counts what the enrichment reports. */
public final class RecordingMetrics implements EnrichmentMetrics {

    public final AtomicLong calls = new AtomicLong();
    public final List<String> failures = new CopyOnWriteArrayList<>();
    public final List<String> fallbacks = new CopyOnWriteArrayList<>();
    public final AtomicLong cacheHits = new AtomicLong();
    public final AtomicLong tokens = new AtomicLong();
    public final List<Duration> latencies = new CopyOnWriteArrayList<>();

    @Override
    public void call(String backend, String model) {
        calls.incrementAndGet();
    }

    @Override
    public void failure(String backend, String kind) {
        failures.add(kind);
    }

    @Override
    public void fallback(String backend, String kind) {
        fallbacks.add(kind);
    }

    @Override
    public void cacheHit(String backend) {
        cacheHits.incrementAndGet();
    }

    @Override
    public void latency(String backend, Duration elapsed) {
        latencies.add(elapsed);
    }

    @Override
    public void tokens(String backend, String model, long count) {
        tokens.addAndGet(count);
    }
}
