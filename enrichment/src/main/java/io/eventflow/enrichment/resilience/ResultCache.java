package io.eventflow.enrichment.resilience;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.eventflow.enrichment.result.EnrichmentResult;

/** A bounded LRU of model answers, keyed on (back end, model, prompt version, data), each kept for a TTL. */
final class ResultCache {

    private record Stored(EnrichmentResult result, Instant storedAt) {
    }

    private final int capacity;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Stored> entries;

    ResultCache(int capacity, Duration ttl, Clock clock) {
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = clock;
        // Access order turns LinkedHashMap into an LRU; removeEldestEntry bounds it.
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    /** The key of an extraction: a SHA-256, so large data does not pin memory. */
    static String key(String backend, String model, String promptVersion, String canonicalData) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {backend, model, promptVersion, canonicalData}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    synchronized Optional<EnrichmentResult> get(String key) {
        Stored entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.storedAt().plus(ttl).isBefore(clock.instant())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.result());
    }

    synchronized void put(String key, EnrichmentResult result) {
        if (capacity > 0) {
            entries.put(key, new Stored(result, clock.instant()));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
