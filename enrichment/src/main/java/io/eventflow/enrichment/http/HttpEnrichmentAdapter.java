package io.eventflow.enrichment.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.eventflow.enrichment.backend.AnswerParser;
import io.eventflow.enrichment.backend.BackendAnswer;
import io.eventflow.enrichment.backend.BoundedHttp;
import io.eventflow.enrichment.backend.ChemicalPrompt;
import io.eventflow.enrichment.backend.DataJson;
import io.eventflow.enrichment.backend.EnrichmentBackend;
import io.eventflow.enrichment.backend.FailureKind;
import io.eventflow.enrichment.backend.PermanentBackendException;
import io.eventflow.enrichment.backend.PropertiesSchema;

/**
 * The old enrichment service: {@code POST <url>/extract-properties} with
 * {@code {"prompt": "...", "chemical_data": data}} and an optional bearer key. Its answer is
 * untrusted like a model's: the contract's fields are taken and checked against the schema.
 */
public final class HttpEnrichmentAdapter implements EnrichmentBackend {

    /** The value of {@code backend} in its results. */
    public static final String BACKEND = "http";

    // The old service echoes extra fields (analysis_timestamp, extracted_from ...); only these are taken.
    private static final Set<String> FIELDS = Set.of("color", "ph", "boiling_point", "melting_point", "density",
            "solubility", "toxicity", "confidence_score");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSettings settings;
    private final BoundedHttp http;
    private final AnswerParser parser;

    /** Creates the adapter; {@code clock} reads Retry-After dates. */
    public HttpEnrichmentAdapter(HttpSettings settings, Clock clock) {
        this.settings = settings;
        this.http = new BoundedHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).build(), clock);
        this.parser = new AnswerParser(new PropertiesSchema());
    }

    @Override
    public String name() {
        return BACKEND;
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public String promptVersion() {
        return ChemicalPrompt.VERSION;
    }

    @Override
    public BackendAnswer call(Map<String, Object> data) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url() + "/extract-properties"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(data)));
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        String answer = http.send(request.build()).body();
        return new BackendAnswer(parser.toProperties(contractFields(answer)), null);
    }

    private static String body(Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", ChemicalPrompt.forHttpService());
        body.put("chemical_data", data);
        DataJson.forPrompt(data); // enforces the size bound before anything is sent
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new PermanentBackendException(FailureKind.INVALID_INPUT, "data is not serialisable as JSON", e);
        }
    }

    private static JsonNode contractFields(String answer) {
        if (answer.length() > AnswerParser.MAX_ANSWER_CHARS) {
            throw new PermanentBackendException(FailureKind.INVALID_ANSWER, "answer exceeds "
                    + AnswerParser.MAX_ANSWER_CHARS + " chars");
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new PermanentBackendException(FailureKind.INVALID_ANSWER, "answer is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new PermanentBackendException(FailureKind.INVALID_ANSWER, "answer is not a JSON object");
        }
        ObjectNode known = JSON.createObjectNode();
        FIELDS.forEach(field -> {
            if (json.has(field)) {
                known.set(field, json.get(field));
            }
        });
        return known;
    }
}
