package io.eventflow.enrichment.result;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The qualitative properties of the contract's table, as a model or the table states them.
 *
 * @param ph              null when unknown
 * @param confidenceScore how sure the source is, 0..1
 */
public record ChemicalProperties(String color, Double ph, String boilingPoint, String meltingPoint,
                                 String density, String solubility, String toxicity,
                                 double confidenceScore) {

    /** The value the table gives for every property it does not know. */
    public static final String UNKNOWN = "unknown";

    /** The answer for a substance nobody knows anything about: {@code unknown} everywhere, ph null. */
    public static ChemicalProperties unknown(double confidenceScore) {
        return new ChemicalProperties(UNKNOWN, null, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, confidenceScore);
    }

    /** The properties under the contract's field names, in the contract's order. */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("color", color);
        fields.put("ph", ph);
        fields.put("boiling_point", boilingPoint);
        fields.put("melting_point", meltingPoint);
        fields.put("density", density);
        fields.put("solubility", solubility);
        fields.put("toxicity", toxicity);
        return fields;
    }
}
