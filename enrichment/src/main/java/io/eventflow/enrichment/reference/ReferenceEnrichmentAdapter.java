package io.eventflow.enrichment.reference;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import io.eventflow.enrichment.chemistry.FormulaAnalysis;
import io.eventflow.enrichment.chemistry.FormulaAnalyzer;
import io.eventflow.enrichment.result.EnrichmentResult;
import io.eventflow.enrichment.result.Provenance;
import io.eventflow.processing.application.port.out.EnrichmentPort;

/**
 * The default back end, with no network: the contract's table for H2O, NaCl and CO2, plus molecular
 * weight, monoisotopic mass and element counts computed by the CDK for any formula.
 */
public final class ReferenceEnrichmentAdapter implements EnrichmentPort {

    /** The value of {@code backend} in its results. */
    public static final String BACKEND = "reference";

    private final Clock clock;
    private final FormulaAnalyzer analyzer;
    private final String model;

    /** Creates the adapter; {@code clock} stamps {@code analysis_timestamp}. */
    public ReferenceEnrichmentAdapter(Clock clock, FormulaAnalyzer analyzer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.model = "reference-table+cdk-" + FormulaAnalyzer.cdkVersion();
    }

    /** Creates the adapter with its own formula analyzer. */
    public ReferenceEnrichmentAdapter(Clock clock) {
        this(clock, new FormulaAnalyzer());
    }

    @Override
    public Map<String, Object> extractChemicalProperties(Map<String, Object> data) {
        return extract(data).toMap();
    }

    /** The typed result, for decorators that need to mark it (e.g. as a fallback). */
    public EnrichmentResult extract(Map<String, Object> data) {
        long started = System.nanoTime();
        Map<String, Object> input = data == null ? Map.of() : data;
        Object formula = input.get("formula");
        FormulaAnalysis analysis = analyzer.analyze(formula);
        // The old table matched data.formula exactly; stray whitespace is forgiven, nothing more.
        String key = formula instanceof String text ? text.strip() : null;
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        Provenance provenance = Provenance.of(BACKEND, model, null, latencyMs, null);
        return new EnrichmentResult(ReferenceTable.lookup(key), analysis, provenance, clock.instant(), input);
    }

    /** The model name in results, {@code reference-table+cdk-<version>}. */
    public String model() {
        return model;
    }
}
