package io.eventflow.enrichment.result;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.eventflow.enrichment.chemistry.FormulaAnalysis;

/**
 * One enrichment answer: the contract's fields, the computed chemistry and the provenance.
 *
 * @param extractedFrom the input data, echoed as {@code extracted_from}
 */
public record EnrichmentResult(ChemicalProperties properties, FormulaAnalysis analysis,
                               Provenance provenance, Instant analyzedAt, Map<String, Object> extractedFrom) {

    /** This result with other provenance, e.g. marked as a fallback. */
    public EnrichmentResult withProvenance(Provenance other) {
        return new EnrichmentResult(properties, analysis, other, analyzedAt, extractedFrom);
    }

    /** This result echoing other input data (equal in content, e.g. for a cache hit). */
    public EnrichmentResult withExtractedFrom(Map<String, Object> data) {
        return new EnrichmentResult(properties, analysis, provenance, analyzedAt, data);
    }

    /** The JSON-ready map stored as {@code llm_properties}; a fresh, mutable map on every call. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(properties.toFields());
        map.put("analysis_timestamp", analyzedAt.truncatedTo(ChronoUnit.MILLIS).toString());
        map.put("confidence_score", properties.confidenceScore());
        map.put("model_version", provenance.model());
        map.put("extracted_from", extractedFrom);
        map.putAll(analysis.toFields());
        map.putAll(provenance.toFields());
        return map;
    }
}
