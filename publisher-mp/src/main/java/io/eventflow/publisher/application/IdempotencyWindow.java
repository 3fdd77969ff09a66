package io.eventflow.publisher.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.eventflow.publisher.application.port.in.IdempotencyKeyReusedException;

/**
 * Remembers, per publisher instance, the outcome of each idempotency key for a bounded time, number of keys and
 * bytes, so that a retry gets the first answer and concurrent duplicates share one publish. Keys are kept as
 * SHA-256 hashes, so every entry has the same size whatever the client sent ({@link #ENTRY_BYTES}), and the byte
 * budget caps the number of entries. A failed publish is forgotten at once: the client got no 202 and its retry
 * must publish again.
 */
public final class IdempotencyWindow {

    /** What one entry costs on the heap, at most: the hashed key and fingerprint, the outcome, the map's node. */
    public static final int ENTRY_BYTES = 384;

    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    /** Creates a window that keeps each key for {@code window}, and at most {@code maxKeys} keys. */
    public IdempotencyWindow(Clock clock, Duration window, int maxKeys) {
        this(clock, window, maxKeys, (long) maxKeys * ENTRY_BYTES);
    }

    /**
     * Creates a window that keeps each key for {@code window}, and at most {@code maxKeys} keys taking at most
     * {@code maxBytes} bytes ({@link #ENTRY_BYTES} each).
     */
    public IdempotencyWindow(Clock clock, Duration window, int maxKeys, long maxBytes) {
        if (window.isNegative() || window.isZero() || maxKeys < 1 || maxBytes < ENTRY_BYTES) {
            throw new IllegalArgumentException("The idempotency window needs a positive duration and key count, and"
                    + " room for one entry (" + ENTRY_BYTES + " bytes)");
        }
        this.clock = clock;
        this.window = window;
        this.maxKeys = (int) Math.min(maxKeys, maxBytes / ENTRY_BYTES);
    }

    /**
     * Runs {@code publish} for the first request with this key; a repeat with the same fingerprint gets the
     * first request's outcome (waiting for it if it is still in flight), one with another fingerprint fails
     * with {@link IdempotencyKeyReusedException}.
     */
    public CompletionStage<UUID> once(String clientKey, String fingerprint, Supplier<CompletionStage<UUID>> publish) {
        String key = hash(clientKey);
        Entry mine = new Entry(fingerprint, new CompletableFuture<>(), clock.instant().plus(window));
        Entry first = claim(key, mine);
        if (first != mine) {
            return first.fingerprint().equals(fingerprint) ? first.outcome().copy()
                    : CompletableFuture.failedFuture(new IdempotencyKeyReusedException());
        }
        try {
            publish.get().whenComplete((eventId, error) -> settle(key, mine, eventId, error));
        } catch (RuntimeException e) {
            settle(key, mine, null, e);
        }
        return mine.outcome().copy();
    }

    /** How many keys the window can hold: the smaller of its key count and its byte budget's. */
    public int capacity() {
        return maxKeys;
    }

    /** How many keys are remembered now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private Entry claim(String key, Entry candidate) {
        synchronized (entries) {
            evictExpired(clock.instant());
            Entry existing = entries.get(key);
            if (existing != null) {
                return existing;
            }
            if (entries.size() >= maxKeys) {
                // a full window forgets its oldest key early; that key's event id still makes a late retry harmless
                entries.pollFirstEntry();
            }
            entries.put(key, candidate);
            return candidate;
        }
    }

    private void settle(String key, Entry entry, UUID eventId, Throwable error) {
        if (error == null) {
            entry.outcome().complete(eventId);
            return;
        }
        synchronized (entries) {
            entries.remove(key, entry);
        }
        entry.outcome().completeExceptionally(error);
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    // insertion order is expiry order (one window for all keys), so expired keys are always at the head
    private void evictExpired(Instant now) {
        Iterator<Entry> oldest = entries.values().iterator();
        while (oldest.hasNext() && !oldest.next().expiresAt().isAfter(now)) {
            oldest.remove();
        }
    }

    private record Entry(String fingerprint, CompletableFuture<UUID> outcome, Instant expiresAt) {
    }
}
