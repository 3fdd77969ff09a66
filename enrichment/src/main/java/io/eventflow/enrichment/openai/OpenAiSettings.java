package io.eventflow.enrichment.openai;

import java.time.Duration;

/**
 * Where and how to reach an OpenAI-compatible chat-completions server. Null or non-positive values
 * take the defaults below, so a config layer may pass what it has.
 *
 * @param baseUrl          the API root including {@code /v1}; default {@value #DEFAULT_BASE_URL}
 * @param model            the model name; default {@value #DEFAULT_MODEL}
 * @param apiKey           sent as a bearer token; null for local servers that need none
 * @param timeout          connect and read timeout of one request; default 30 s
 * @param maxTokens        cap on the answer's tokens; default {@value #DEFAULT_MAX_TOKENS}
 * @param responseFormat   {@code json_schema} (default: the server constrains output to the schema) or
 *                         {@code json_object} (for servers without schema support)
 * @param strictJsonSchema ask OpenAI's strict mode; default false, since strict mode rejects
 *                         {@code maxLength}-style keywords the local check enforces anyway
 */
public record OpenAiSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxTokens,
                             String responseFormat, boolean strictJsonSchema) {

    /** OpenAI itself. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** A small, cheap model that follows JSON schemas. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    /** Enough for the eight short fields of an answer. */
    public static final int DEFAULT_MAX_TOKENS = 400;
    /** Constrain output to the JSON Schema. */
    public static final String JSON_SCHEMA = "json_schema";
    /** Ask only for a JSON object. */
    public static final String JSON_OBJECT = "json_object";

    /** Applies the defaults and checks the response format. */
    public OpenAiSettings {
        baseUrl = blank(baseUrl) ? DEFAULT_BASE_URL : baseUrl.strip();
        model = blank(model) ? DEFAULT_MODEL : model.strip();
        apiKey = blank(apiKey) ? null : apiKey.strip();
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(30) : timeout;
        maxTokens = maxTokens <= 0 ? DEFAULT_MAX_TOKENS : maxTokens;
        responseFormat = blank(responseFormat) ? JSON_SCHEMA : responseFormat.strip();
        if (!JSON_SCHEMA.equals(responseFormat) && !JSON_OBJECT.equals(responseFormat)) {
            throw new IllegalArgumentException(
                    "responseFormat must be json_schema or json_object, was " + responseFormat);
        }
    }

    /** All defaults: OpenAI, {@value #DEFAULT_MODEL}, no key. */
    public static OpenAiSettings defaults() {
        return new OpenAiSettings(null, null, null, null, 0, null, false);
    }

    /** Hides the key, so settings can be logged. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", timeout=" + timeout
                + ", maxTokens=" + maxTokens + ", responseFormat=" + responseFormat
                + ", strictJsonSchema=" + strictJsonSchema + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
