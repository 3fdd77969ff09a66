package io.eventflow.enrichment.reference;

import java.util.Map;

import io.eventflow.enrichment.result.ChemicalProperties;

/** The old system's fixed table; clients and demos rely on these exact strings (see CONTRACT.md). */
final class ReferenceTable {

    static final double CONFIDENCE = 0.95;

    private static final Map<String, ChemicalProperties> ENTRIES = Map.of(
            "H2O", new ChemicalProperties("colorless", 7.0, "100°C", "0°C", "1.0 g/cm³",
                    "miscible with water", "non-toxic", CONFIDENCE),
            "NaCl", new ChemicalProperties("white", 7.0, "1465°C", "801°C", "2.17 g/cm³",
                    "36 g/100mL water", "low toxicity", CONFIDENCE),
            "CO2", new ChemicalProperties("colorless", 5.6, "-78.5°C", "-78.5°C", "1.98 g/L",
                    "1.7 g/L water", "asphyxiant in high concentrations", CONFIDENCE));

    private ReferenceTable() {
    }

    /** The table's entry for the formula, or all {@code unknown} for anything else. */
    static ChemicalProperties lookup(String formula) {
        return formula == null ? ChemicalProperties.unknown(CONFIDENCE)
                : ENTRIES.getOrDefault(formula, ChemicalProperties.unknown(CONFIDENCE));
    }
}
