package io.eventflow.enrichment.support;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Bodies in the real OpenAI chat-completions wire format. */
public final class ChatCompletions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A well-formed answer for water, as a model would give it. */
    public static final String WATER = """
            {"color": "colorless", "ph": 7.0, "boiling_point": "100°C", "melting_point": "0°C",
             "density": "0.997 g/cm³", "solubility": "miscible", "toxicity": "non-toxic", "confidence_score": 0.9}""";

    private ChatCompletions() {
    }

    /** A 200 chat completion whose assistant message content is {@code content}; 80 tokens used. */
    public static FakeServer.Reply answer(String content) {
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-test", "object", "chat.completion", "created", 1_700_000_000, "model", "test-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 50, "completion_tokens", 30, "total_tokens", 80));
        try {
            return FakeServer.Reply.json(200, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OpenAI-style error body with the given status. */
    public static FakeServer.Reply error(int status, String message) {
        return FakeServer.Reply.json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"test\"}}");
    }
}
