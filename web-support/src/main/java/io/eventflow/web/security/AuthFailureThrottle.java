package io.eventflow.web.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bucket;

/**
 * Slows down key guessing: each client address may present a wrong API key {@code failures} times, refilled over
 * a minute; once that budget is spent, every authentication attempt from the address is answered 429 until a
 * token is back, before any key is checked. Addresses are held in an LRU map of at most {@code maxAddresses}
 * entries, so a flood of spoofed sources cannot exhaust memory (it can only make the oldest addresses forget).
 */
public final class AuthFailureThrottle {

    private final boolean enabled;
    private final long failures;
    private final Map<String, Bucket> buckets;

    private AuthFailureThrottle(boolean enabled, long failures, int maxAddresses) {
        this.enabled = enabled;
        this.failures = failures;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** No throttling: an explicit setting. */
    public static AuthFailureThrottle off() {
        return new AuthFailureThrottle(false, 0, 1);
    }

    /** At most {@code failuresPerMinute} wrong keys a minute per address, tracking up to {@code maxAddresses}. */
    public static AuthFailureThrottle perMinute(long failuresPerMinute, int maxAddresses) {
        if (failuresPerMinute < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("Failed-authentication throttling needs failures-per-minute >= 1 "
                    + "and max-addresses >= 1, got " + failuresPerMinute + " and " + maxAddresses);
        }
        return new AuthFailureThrottle(true, failuresPerMinute, maxAddresses);
    }

    /** Empty if {@code address} may try a key now, else how long it must wait. */
    public Optional<Duration> blocked(String address) {
        if (!enabled) {
            return Optional.empty();
        }
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(address);
        }
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Counts a wrong key from {@code address}. */
    public void failed(String address) {
        if (!enabled) {
            return;
        }
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(address, a -> newBucket());
        }
        bucket.tryConsume(1);
    }

    /** Wrong keys allowed a minute per address (0 when off). */
    public long failuresPerMinute() {
        return failures;
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(failures).refillGreedy(failures, Duration.ofMinutes(1)))
                .build();
    }
}
