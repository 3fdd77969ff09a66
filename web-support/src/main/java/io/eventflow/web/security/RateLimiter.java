package io.eventflow.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/** One token bucket per API key: a steady rate per minute plus a burst. */
public final class RateLimiter {

    private final boolean enabled;
    private final long perMinute;
    private final long burst;
    // one bucket per configured key name, so the map is bounded by the key list
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private RateLimiter(boolean enabled, long perMinute, long burst) {
        this.enabled = enabled;
        this.perMinute = perMinute;
        this.burst = burst;
    }

    /** No limit: an explicit setting. */
    public static RateLimiter off() {
        return new RateLimiter(false, 0, 0);
    }

    /** {@code perMinute} requests a minute per key, of which up to {@code burst} may come at once. */
    public static RateLimiter perMinute(long perMinute, long burst) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("Rate limit needs requests-per-minute >= 1 and burst >= 1, got "
                    + perMinute + " and " + burst);
        }
        return new RateLimiter(true, perMinute, burst);
    }

    /** Takes one request from the key's bucket: empty if allowed, else how long to wait for the next one. */
    public Optional<Duration> tryAcquire(String keyName) {
        if (!enabled) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(keyName, name -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Requests a minute per key (0 when off). */
    public long perMinute() {
        return perMinute;
    }

    /** Largest burst per key (0 when off). */
    public long burst() {
        return burst;
    }

    /** True when requests are limited. */
    public boolean enabled() {
        return enabled;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
