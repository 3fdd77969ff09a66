package io.eventflow.subscriber;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.eventflow.processing.application.port.out.EnrichmentPort;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * A test "LLM service" that fails on purpose: data with {@code "case": "<id>"} fails as often as
 * {@link #failTimes} says for that id, so the real JobRunr retry path can be driven from a test.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FlakyEnrichment implements EnrichmentPort {

    private static final Map<String, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    /** Makes the next {@code times} calls for this case fail. */
    static void failTimes(String caseId, int times) {
        FAILURES_LEFT.put(caseId, new AtomicInteger(times));
    }

    /** Makes every call for this case fail until {@link #heal}. */
    static void failAlways(String caseId) {
        failTimes(caseId, Integer.MAX_VALUE);
    }

    /** Removes the cause of failure for this case. */
    static void heal(String caseId) {
        FAILURES_LEFT.remove(caseId);
    }

    /** How often this case was enriched (failed or not). */
    static int calls(String caseId) {
        return CALLS.getOrDefault(caseId, new AtomicInteger()).get();
    }

    @Override
    public Map<String, Object> extractChemicalProperties(Map<String, Object> data) {
        String caseId = String.valueOf(data.get("case"));
        CALLS.computeIfAbsent(caseId, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = FAILURES_LEFT.get(caseId);
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("enrichment unavailable for case " + caseId);
        }
        return Map.of("color", "colorless", "backend", "flaky-test");
    }
}
