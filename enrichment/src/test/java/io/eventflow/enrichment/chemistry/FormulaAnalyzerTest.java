package io.eventflow.enrichment.chemistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.HashMap;
import java.util.stream.IntStream;

class FormulaAnalyzerTest {

    private final FormulaAnalyzer analyzer = new FormulaAnalyzer();

    // Published molar masses (IUPAC standard atomic weights, as in PubChem / CRC tables).
    @ParameterizedTest(name = "{0} weighs {1} g/mol")
    @CsvSource({
            "H2O, 18.015", "NaCl, 58.44", "CO2, 44.01", "C6H12O6, 180.156", "CH4, 16.043",
            "C2H5OH, 46.07", "NH3, 17.031", "H2SO4, 98.079", "CaCO3, 100.086",
            "C8H10N4O2, 194.194", "C7H8N4O2, 180.164", "C9H8O4, 180.158", "C12H22O11, 342.30",
            "Ca(OH)2, 74.093", "HCl, 36.46", "Fe2O3, 159.69"})
    void computesMolecularWeightWithinOneHundredthOfPublishedValue(String formula, double published) {
        FormulaAnalysis analysis = analyzer.analyze(formula);

        assertThat(analysis.valid()).isTrue();
        assertThat(analysis.molecularWeight()).isCloseTo(published, within(0.01));
    }

    @Test
    void roundsMolecularWeightToThreeDecimals() {
        assertThat(analyzer.analyze("H2O").molecularWeight()).isEqualTo(18.015);
    }

    @Test
    void computesMonoisotopicMass() {
        assertThat(analyzer.analyze("H2O").monoisotopicMass()).isCloseTo(18.01056, within(0.00001));
        assertThat(analyzer.analyze("CO2").monoisotopicMass()).isCloseTo(43.98983, within(0.00001));
    }

    @Test
    void sumsRepeatedElements() {
        FormulaAnalysis ethanol = analyzer.analyze("C2H5OH");

        assertThat(ethanol.elementCounts()).isEqualTo(Map.of("C", 2, "H", 6, "O", 1));
        assertThat(ethanol.hillFormula()).isEqualTo("C2H6O");
    }

    @Test
    void multipliesParenthesisedGroups() {
        assertThat(analyzer.analyze("Ca(OH)2").elementCounts()).isEqualTo(Map.of("Ca", 1, "O", 2, "H", 2));
    }

    @Test
    void listsElementCountsInHillOrder() {
        assertThat(countsAsStored("OHC2H5")).containsExactly("C", "H", "O");
        assertThat(countsAsStored("HCl")).containsExactly("Cl", "H");
    }

    private List<Object> countsAsStored(String formula) {
        return List.copyOf(((Map<?, ?>) analyzer.analyze(formula).toFields().get("element_counts")).keySet());
    }

    @Test
    void forgivesSurroundingWhitespace() {
        assertThat(analyzer.analyze(" CH4 ").valid()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is invalid")
    @ValueSource(strings = {"Xx2", "H2O)(", "", "   ", "()", "h2o", "C0", "H-2O", "123", "D2O",
            "NaCl; DROP TABLE x", "Og"})
    void flagsInvalidFormulaWithReason(String formula) {
        FormulaAnalysis analysis = analyzer.analyze(formula);

        assertThat(analysis.valid()).isFalse();
        assertThat(analysis.error()).isNotBlank();
        assertThat(analysis.molecularWeight()).isNull();
        assertThat(analysis.elementCounts()).isEmpty();
    }

    @Test
    void namesTheUnknownElement() {
        assertThat(analyzer.analyze("Xx2").error()).isEqualTo("unknown element symbol 'Xx'");
    }

    @Test
    void flagsMissingAndNonStringFormula() {
        assertThat(analyzer.analyze(null).error()).isEqualTo("no formula in data");
        assertThat(analyzer.analyze(42).error()).isEqualTo("formula must be a string, got a number");
        assertThat(analyzer.analyze(List.of("H2O")).error()).isEqualTo("formula must be a string, got an array");
    }

    @Test
    void givesTheSameAnswersUnderConcurrentUse() {
        List<String> formulas = List.of("H2O", "C6H12O6", "CaCO3", "C8H10N4O2", "Xx2", "Ca(OH)2");
        Map<String, FormulaAnalysis> expected = new HashMap<>();
        formulas.forEach(f -> expected.put(f, analyzer.analyze(f)));

        List<Boolean> same = IntStream.range(0, 600).parallel()
                .mapToObj(i -> formulas.get(i % formulas.size()))
                .map(f -> new FormulaAnalyzer().analyze(f).equals(expected.get(f)))
                .toList();

        assertThat(same).containsOnly(true);
    }

    @Test
    void boundsOverlongFormula() {
        FormulaAnalysis analysis = analyzer.analyze("C".repeat(10_000));

        assertThat(analysis.valid()).isFalse();
        assertThat(analysis.formula()).hasSizeLessThan(120);
    }
}
