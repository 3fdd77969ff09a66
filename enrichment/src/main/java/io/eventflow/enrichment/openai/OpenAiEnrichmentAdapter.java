package io.eventflow.enrichment.openai;

import java.time.Clock;
import java.util.Map;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;

import io.eventflow.enrichment.backend.AnswerParser;
import io.eventflow.enrichment.backend.BackendAnswer;
import io.eventflow.enrichment.backend.ChemicalPrompt;
import io.eventflow.enrichment.backend.DataJson;
import io.eventflow.enrichment.backend.EnrichmentBackend;
import io.eventflow.enrichment.backend.PropertiesSchema;

/**
 * Asks an OpenAI-compatible chat-completions server (OpenAI, vLLM, llama.cpp, LM Studio, Ollama's
 * {@code /v1}) for the properties as JSON through LangChain4j, and validates the answer against the schema.
 * One call, no retries: {@code ResilientEnrichment} owns retrying, so costs stay visible in one place.
 */
public final class OpenAiEnrichmentAdapter implements EnrichmentBackend {

    /** The value of {@code backend} in its results. */
    public static final String BACKEND = "openai";

    private final ChatModel chatModel;
    private final String model;
    private final ResponseFormat responseFormat;
    private final AnswerParser parser;

    /** Creates the adapter; {@code clock} reads Retry-After dates. */
    public OpenAiEnrichmentAdapter(OpenAiSettings settings, Clock clock) {
        PropertiesSchema schema = new PropertiesSchema();
        this.model = settings.model();
        this.parser = new AnswerParser(schema);
        this.responseFormat = responseFormat(settings, schema);
        this.chatModel = OpenAiChatModel.builder()
                .httpClientBuilder(new BoundedLangChainHttpClient.Builder(clock))
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxTokens(settings.maxTokens())
                .temperature(0.0)
                .maxRetries(0)
                .strictJsonSchema(settings.strictJsonSchema())
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .build();
    }

    @Override
    public String name() {
        return BACKEND;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String promptVersion() {
        return ChemicalPrompt.VERSION;
    }

    @Override
    public BackendAnswer call(Map<String, Object> data) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(ChemicalPrompt.SYSTEM),
                        UserMessage.from(ChemicalPrompt.user(DataJson.forPrompt(data))))
                .responseFormat(responseFormat)
                .build();
        ChatResponse response;
        try {
            response = chatModel.chat(request);
        } catch (RuntimeException e) {
            throw OpenAiFailures.map(e);
        }
        return new BackendAnswer(parser.parse(response.aiMessage().text()), tokens(response.tokenUsage()));
    }

    private static ResponseFormat responseFormat(OpenAiSettings settings, PropertiesSchema schema) {
        if (OpenAiSettings.JSON_OBJECT.equals(settings.responseFormat())) {
            return ResponseFormat.JSON;
        }
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("chemical_properties")
                        .rootElement(JsonRawSchema.from(schema.text())).build())
                .build();
    }

    private static Long tokens(TokenUsage usage) {
        return usage == null || usage.totalTokenCount() == null ? null : usage.totalTokenCount().longValue();
    }
}
