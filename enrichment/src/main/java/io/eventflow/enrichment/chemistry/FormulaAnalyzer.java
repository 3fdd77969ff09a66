package io.eventflow.enrichment.chemistry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openscience.cdk.CDK;
import org.openscience.cdk.config.Elements;
import org.openscience.cdk.interfaces.IIsotope;
import org.openscience.cdk.interfaces.IMolecularFormula;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;

/** Computes molecular weight, monoisotopic mass and element counts of a formula with the CDK. */
public final class FormulaAnalyzer {

    /** Longer strings are not formulas we can trust to parse quickly. */
    static final int MAX_LENGTH = 100;

    // Element symbols with counts 1..9999 and parenthesised groups; the CDK is lenient (it reads
    // "Xx2" as two unknown atoms), so the syntax is checked here first, strictly.
    private static final Pattern SYNTAX =
            Pattern.compile("(?:[A-Z][a-z]?(?:[1-9]\\d{0,3})?|\\(|\\)(?:[1-9]\\d{0,3})?)+");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][a-z]?");

    /** The CDK release doing the chemistry, e.g. {@code 2.11}, for provenance fields. */
    public static String cdkVersion() {
        return CDK.getVersion();
    }

    /** Analyses {@code data.formula}; never throws, an unusable value yields an invalid analysis. */
    public FormulaAnalysis analyze(Object formulaValue) {
        if (formulaValue == null) {
            return FormulaAnalysis.invalid(null, "no formula in data");
        }
        if (!(formulaValue instanceof String text)) {
            return FormulaAnalysis.invalid(null, "formula must be a string, got " + jsonType(formulaValue));
        }
        String formula = text.strip();
        String syntaxError = syntaxError(formula);
        if (syntaxError != null) {
            return FormulaAnalysis.invalid(bounded(formula), syntaxError);
        }
        try {
            return compute(formula);
        } catch (RuntimeException e) {
            // The CDK has gaps (e.g. isotope data for superheavy elements); a gap is an answer, not a crash.
            return FormulaAnalysis.invalid(formula,
                    "the CDK could not compute the formula: " + e.getClass().getSimpleName());
        }
    }

    private static String syntaxError(String formula) {
        if (formula.isEmpty()) {
            return "formula is empty";
        }
        if (formula.length() > MAX_LENGTH) {
            return "formula longer than " + MAX_LENGTH + " characters";
        }
        if (!SYNTAX.matcher(formula).matches()) {
            return "not a molecular formula: use element symbols with counts, e.g. C2H5OH or Ca(OH)2";
        }
        if (!parenthesesBalanced(formula)) {
            return "unbalanced or empty parentheses";
        }
        Matcher symbols = SYMBOL.matcher(formula);
        while (symbols.find()) {
            if (Elements.ofString(symbols.group()) == Elements.Unknown) {
                return "unknown element symbol '" + symbols.group() + "'";
            }
        }
        return null;
    }

    private static boolean parenthesesBalanced(String formula) {
        int depth = 0;
        for (int i = 0; i < formula.length(); i++) {
            char c = formula.charAt(i);
            if (c == '(' && i + 1 < formula.length() && formula.charAt(i + 1) == ')') {
                return false;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static FormulaAnalysis compute(String formula) {
        IMolecularFormula parsed = MolecularFormulaManipulator.getMolecularFormula(
                formula, SilentChemObjectBuilder.getInstance());
        if (parsed == null || parsed.getIsotopeCount() == 0) {
            return FormulaAnalysis.invalid(formula, "the CDK could not parse the formula");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (IIsotope isotope : parsed.isotopes()) {
            counts.merge(isotope.getSymbol(), parsed.getIsotopeCount(isotope), Integer::sum);
        }
        double weight = MolecularFormulaManipulator.getMass(parsed, MolecularFormulaManipulator.MolWeight);
        double mono = MolecularFormulaManipulator.getMass(parsed, MolecularFormulaManipulator.MonoIsotopic);
        if (!(weight > 0) || !(mono > 0)) {
            return FormulaAnalysis.invalid(formula, "no isotope data for an element of the formula");
        }
        return new FormulaAnalysis(formula, true, null, MolecularFormulaManipulator.getString(parsed),
                round(weight, 3), round(mono, 5), counts);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static String bounded(String formula) {
        return formula.length() > MAX_LENGTH ? formula.substring(0, MAX_LENGTH) + "..." : formula;
    }

    private static String jsonType(Object value) {
        return switch (value) {
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            case Map<?, ?> m -> "an object";
            case Iterable<?> i -> "an array";
            default -> value.getClass().getSimpleName();
        };
    }
}
