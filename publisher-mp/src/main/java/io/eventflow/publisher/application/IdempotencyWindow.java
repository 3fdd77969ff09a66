package io.eventflow.publisher.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.eventflow.publisher.application.port.in.IdempotencyKeyReusedException;

/**
 * Remembers, per publisher instance, the outcome of each idempotency key for a bounded time and number of
 * keys, so that a retry gets the first answer and concurrent duplicates share one publish.
 * A failed publish is forgotten at once: the client got no 202 and its retry must publish again.
 */
public final class IdempotencyWindow {

    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    /** Creates a window that keeps each key for {@code window}, and at most {@code maxKeys} keys. */
    public IdempotencyWindow(Clock clock, Duration window, int maxKeys) {
        if (window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("The idempotency window needs a positive duration and key count");
        }
        this.clock = clock;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /**
     * Runs {@code publish} for the first request with this key; a repeat with the same fingerprint gets the
     * first request's outcome (waiting for it if it is still in flight), one with another fingerprint fails
     * with {@link IdempotencyKeyReusedException}.
     */
    public CompletionStage<UUID> once(String key, String fingerprint, Supplier<CompletionStage<UUID>> publish) {
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
