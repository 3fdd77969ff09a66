package io.eventflow.enrichment.backend;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Serialises event data for prompts and cache keys: canonical (sorted keys) and bounded in size. */
public final class DataJson {

    /** Records larger than this are not sent to a model: they cost tokens and are likely not chemistry. */
    public static final int MAX_DATA_CHARS = 8 * 1024;

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private DataJson() {
    }

    /** Canonical JSON of the data, identical for equal maps whatever their key order. */
    public static String canonical(Map<String, Object> data) {
        try {
            return CANONICAL.writeValueAsString(data == null ? Map.of() : data);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new PermanentBackendException(FailureKind.INVALID_INPUT,
                    "data is not serialisable as JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Canonical JSON of the data for a prompt; fails when it exceeds {@link #MAX_DATA_CHARS}. */
    public static String forPrompt(Map<String, Object> data) {
        String json = canonical(data);
        if (json.length() > MAX_DATA_CHARS) {
            throw new PermanentBackendException(FailureKind.INVALID_INPUT,
                    "data of " + json.length() + " chars exceeds " + MAX_DATA_CHARS + " for a prompt");
        }
        return json;
    }
}
