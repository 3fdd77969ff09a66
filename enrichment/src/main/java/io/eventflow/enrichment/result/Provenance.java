package io.eventflow.enrichment.result;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which back end produced a result, how, and how long it took.
 *
 * @param backend        {@code reference}, {@code openai} or {@code http}
 * @param model          the model (or table) that answered
 * @param promptVersion  the prompt's version; null when no prompt was used
 * @param fallback       whether the reference answered because the primary back end failed
 * @param fallbackReason why the primary failed; null unless {@code fallback}
 * @param latencyMs      wall time of this extraction in milliseconds
 * @param tokens         tokens the model used; null when unknown or no model was called
 * @param cached         whether the answer came from the cache instead of a new request
 */
public record Provenance(String backend, String model, String promptVersion, boolean fallback,
                         String fallbackReason, long latencyMs, Long tokens, boolean cached) {

    /** A fresh, non-fallback, uncached answer. */
    public static Provenance of(String backend, String model, String promptVersion, long latencyMs, Long tokens) {
        return new Provenance(backend, model, promptVersion, false, null, latencyMs, tokens, false);
    }

    /** This provenance, reporting that it answers in place of a failed primary. */
    public Provenance asFallback(String reason) {
        return new Provenance(backend, model, promptVersion, true, reason, latencyMs, tokens, cached);
    }

    /** This provenance, served from the cache. */
    public Provenance asCached() {
        return new Provenance(backend, model, promptVersion, fallback, fallbackReason, latencyMs, tokens, true);
    }

    /** This provenance with the given latency. */
    public Provenance withLatency(long millis) {
        return new Provenance(backend, model, promptVersion, fallback, fallbackReason, millis, tokens, cached);
    }

    /** The provenance fields as they appear in a result. */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("backend", backend);
        fields.put("model", model);
        fields.put("prompt_version", promptVersion);
        fields.put("fallback", fallback);
        fields.put("fallback_reason", fallbackReason);
        fields.put("latency_ms", latencyMs);
        fields.put("tokens", tokens);
        fields.put("cached", cached);
        return fields;
    }
}
