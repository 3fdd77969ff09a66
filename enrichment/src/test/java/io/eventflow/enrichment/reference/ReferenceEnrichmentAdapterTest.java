package io.eventflow.enrichment.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReferenceEnrichmentAdapterTest {

    private static final Instant NOW = Instant.parse("2024-01-01T12:00:00.123456Z");

    private final ReferenceEnrichmentAdapter adapter =
            new ReferenceEnrichmentAdapter(Clock.fixed(NOW, ZoneId.of("Europe/Paris")));

    @Test
    void answersWaterWithTheContractValues() {
        assertThat(adapter.extractChemicalProperties(Map.of("formula", "H2O"))).contains(
                entry("color", "colorless"), entry("ph", 7.0), entry("boiling_point", "100°C"),
                entry("melting_point", "0°C"), entry("density", "1.0 g/cm³"),
                entry("solubility", "miscible with water"), entry("toxicity", "non-toxic"));
    }

    @Test
    void answersSodiumChlorideWithTheContractValues() {
        assertThat(adapter.extractChemicalProperties(Map.of("formula", "NaCl"))).contains(
                entry("color", "white"), entry("ph", 7.0), entry("boiling_point", "1465°C"),
                entry("melting_point", "801°C"), entry("density", "2.17 g/cm³"),
                entry("solubility", "36 g/100mL water"), entry("toxicity", "low toxicity"));
    }

    @Test
    void answersCarbonDioxideWithTheContractValues() {
        assertThat(adapter.extractChemicalProperties(Map.of("formula", "CO2"))).contains(
                entry("color", "colorless"), entry("ph", 5.6), entry("boiling_point", "-78.5°C"),
                entry("melting_point", "-78.5°C"), entry("density", "1.98 g/L"),
                entry("solubility", "1.7 g/L water"), entry("toxicity", "asphyxiant in high concentrations"));
    }

    @Test
    void answersUnknownWithNullPhButComputedChemistryForOtherFormulas() {
        Map<String, Object> result = adapter.extractChemicalProperties(Map.of("formula", "C6H12O6"));

        assertThat(result).contains(
                entry("color", "unknown"), entry("ph", null), entry("boiling_point", "unknown"),
                entry("melting_point", "unknown"), entry("density", "unknown"),
                entry("solubility", "unknown"), entry("toxicity", "unknown"),
                entry("formula_valid", true), entry("molecular_weight", 180.156));
        assertThat(result.get("element_counts")).isEqualTo(Map.of("C", 6, "H", 12, "O", 6));
    }

    @Test
    void carriesTheContractMetadata() {
        Map<String, Object> data = Map.of("formula", "H2O", "sample", "A-1");

        Map<String, Object> result = adapter.extractChemicalProperties(data);

        assertThat(result).contains(
                entry("analysis_timestamp", "2024-01-01T12:00:00.123Z"), entry("confidence_score", 0.95),
                entry("model_version", adapter.model()), entry("extracted_from", data));
    }

    @Test
    void namesItsBackEnd() {
        Map<String, Object> result = adapter.extractChemicalProperties(Map.of("formula", "NaCl"));

        assertThat(result).contains(entry("backend", "reference"), entry("model", "reference-table+cdk-2.11"),
                entry("fallback", false), entry("fallback_reason", null));
        assertThat(result).containsKeys("prompt_version", "latency_ms");
        assertThat((Long) result.get("latency_ms")).isNotNegative();
    }

    @Test
    void flagsInvalidFormulaInsteadOfThrowing() {
        Map<String, Object> result = adapter.extractChemicalProperties(Map.of("formula", "Xx2"));

        assertThat(result).contains(entry("formula_valid", false), entry("molecular_weight", null),
                entry("color", "unknown"), entry("formula_error", "unknown element symbol 'Xx'"));
    }

    @Test
    void answersEmptyOrOddDataWithoutThrowing() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("formula", null);

        assertThat(adapter.extractChemicalProperties(Map.of())).contains(entry("formula_valid", false));
        assertThat(adapter.extractChemicalProperties(withNull)).contains(entry("formula_valid", false));
        assertThat(adapter.extractChemicalProperties(Map.of("formula", 18))).contains(entry("formula_valid", false));
        assertThat(adapter.extractChemicalProperties(null)).contains(entry("formula_valid", false));
    }

    @Test
    void matchesTheTableExactlySoOtherSpellingsAreUnknown() {
        assertThat(adapter.extractChemicalProperties(Map.of("formula", "OH2"))).contains(entry("color", "unknown"));
        assertThat(adapter.extractChemicalProperties(Map.of("formula", " H2O "))).contains(entry("color", "colorless"));
    }

    @Test
    void returnsAFreshMutableMapEachTime() {
        Map<String, Object> first = adapter.extractChemicalProperties(Map.of("formula", "H2O"));
        first.put("color", "tampered");

        assertThat(adapter.extractChemicalProperties(Map.of("formula", "H2O"))).contains(entry("color", "colorless"));
    }
}
