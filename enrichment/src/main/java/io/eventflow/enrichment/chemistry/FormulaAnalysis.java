package io.eventflow.enrichment.chemistry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Chemistry Development Kit computed for one formula, or why it could not.
 *
 * @param formula          the formula as given (trimmed), or null when the data had none
 * @param valid            whether the formula parsed into known elements
 * @param error            why the formula is invalid; null when valid
 * @param hillFormula      the formula in Hill order (C, H, then alphabetical); null when invalid
 * @param molecularWeight  average molecular weight in g/mol, rounded to 3 decimals; null when invalid
 * @param monoisotopicMass mass of the most abundant isotopes in Da, rounded to 5 decimals; null when invalid
 * @param elementCounts    element symbol to atom count in Hill order; empty when invalid
 */
public record FormulaAnalysis(String formula, boolean valid, String error, String hillFormula,
                              Double molecularWeight, Double monoisotopicMass,
                              Map<String, Integer> elementCounts) {

    /** Copies the counts so callers cannot change a shared analysis. */
    public FormulaAnalysis {
        elementCounts = Map.copyOf(elementCounts);
    }

    /** An analysis that failed for the given reason. */
    public static FormulaAnalysis invalid(String formula, String error) {
        return new FormulaAnalysis(formula, false, error, null, null, null, Map.of());
    }

    /** The computed fields as they appear in a result ({@code formula_valid}, {@code molecular_weight} ...). */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("formula", formula);
        fields.put("formula_valid", valid);
        fields.put("formula_error", error);
        fields.put("hill_formula", hillFormula);
        fields.put("molecular_weight", molecularWeight);
        fields.put("monoisotopic_mass", monoisotopicMass);
        fields.put("element_counts", hillOrdered());
        return fields;
    }

    // Map.copyOf loses order; the stored JSON reads better in Hill order, as chemists write it.
    private Map<String, Integer> hillOrdered() {
        boolean organic = elementCounts.containsKey("C");
        Map<String, Integer> ordered = new LinkedHashMap<>();
        elementCounts.keySet().stream()
                .sorted(Comparator.comparingInt((String s) -> hillRank(s, organic)).thenComparing(s -> s))
                .forEach(symbol -> ordered.put(symbol, elementCounts.get(symbol)));
        return ordered;
    }

    // Hill system: carbon, then hydrogen, then the rest alphabetically; without carbon, all alphabetically.
    private static int hillRank(String symbol, boolean organic) {
        if (!organic) {
            return 0;
        }
        return switch (symbol) {
            case "C" -> 0;
            case "H" -> 1;
            default -> 2;
        };
    }
}
