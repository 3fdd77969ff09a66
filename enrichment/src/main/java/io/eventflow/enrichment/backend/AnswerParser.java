package io.eventflow.enrichment.backend;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.eventflow.enrichment.result.ChemicalProperties;

/** Turns untrusted answer text into validated properties: bounded in size, strict JSON, schema-checked. */
public final class AnswerParser {

    /** Larger answers are rejected unread: a well-formed one is well under 2 KiB. */
    public static final int MAX_ANSWER_CHARS = 16 * 1024;

    private static final ObjectReader READER = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final PropertiesSchema schema;

    /** Creates a parser that enforces the given schema. */
    public AnswerParser(PropertiesSchema schema) {
        this.schema = schema;
    }

    /**
     * Parses and validates an answer.
     *
     * @throws PermanentBackendException of kind {@link FailureKind#INVALID_ANSWER} when it does not conform
     */
    public ChemicalProperties parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw invalid("empty answer");
        }
        if (answer.length() > MAX_ANSWER_CHARS) {
            throw invalid("answer of " + answer.length() + " chars exceeds " + MAX_ANSWER_CHARS);
        }
        JsonNode json = readJson(stripCodeFence(answer.strip()));
        return toProperties(json);
    }

    /** Validates an already parsed object (e.g. the old HTTP service's body). */
    public ChemicalProperties toProperties(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw invalid("answer is not a JSON object");
        }
        String unstorable = unstorableText(json);
        if (unstorable != null) {
            // PostgreSQL's jsonb refuses U+0000: stored as it is, the answer would fail the event on every retry
            throw invalid("answer holds text the database cannot store (U+0000 or an unpaired surrogate) in "
                    + unstorable);
        }
        Set<String> violations = schema.violations(json);
        if (!violations.isEmpty()) {
            throw invalid("answer violates the schema: " + String.join("; ", violations));
        }
        JsonNode ph = json.get("ph");
        return new ChemicalProperties(json.get("color").asText(), ph.isNull() ? null : ph.asDouble(),
                json.get("boiling_point").asText(), json.get("melting_point").asText(),
                json.get("density").asText(), json.get("solubility").asText(), json.get("toxicity").asText(),
                json.get("confidence_score").asDouble());
    }

    /** The first property whose name or text value holds U+0000 or an unpaired surrogate, or null if none does. */
    private static String unstorableText(JsonNode json) {
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!storable(field.getKey()) || !storableValues(field.getValue())) {
                return LogSafe.escape(field.getKey());
            }
        }
        return null;
    }

    private static boolean storableValues(JsonNode node) {
        if (node.isTextual()) {
            return storable(node.textValue());
        }
        if (node.isObject()) {
            return unstorableText(node) == null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!storableValues(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static JsonNode readJson(String text) {
        try {
            return READER.readValue(text);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; keep only where it broke.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw invalid("answer is not valid JSON" + where);
        }
    }

    // Some local models wrap JSON in a Markdown fence even in JSON mode; the fence carries no meaning.
    private static String stripCodeFence(String text) {
        if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
            return text;
        }
        int firstNewline = text.indexOf('\n');
        return firstNewline < 0 ? text : text.substring(firstNewline + 1, text.length() - 3).strip();
    }

    private static PermanentBackendException invalid(String message) {
        return new PermanentBackendException(FailureKind.INVALID_ANSWER, message);
    }
}
