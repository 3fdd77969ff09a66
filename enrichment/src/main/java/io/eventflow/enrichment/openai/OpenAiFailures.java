package io.eventflow.enrichment.openai;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.langchain4j.exception.TimeoutException;

import io.eventflow.enrichment.backend.BackendException;
import io.eventflow.enrichment.backend.FailureKind;
import io.eventflow.enrichment.backend.PermanentBackendException;
import io.eventflow.enrichment.backend.TransientBackendException;

/** Maps what LangChain4j throws to our failure types; HTTP errors already arrive as ours. */
final class OpenAiFailures {

    private OpenAiFailures() {
    }

    static BackendException map(RuntimeException e) {
        if (e instanceof BackendException ours) {
            return ours;
        }
        if (e instanceof TimeoutException) {
            return new TransientBackendException(FailureKind.TIMEOUT, "no answer within the timeout", e);
        }
        if (hasCause(e, JsonProcessingException.class)) {
            // A 2xx whose body is not a chat completion: a proxy or a server speaking another API.
            return new PermanentBackendException(FailureKind.INVALID_ANSWER, "response is not a chat completion", e);
        }
        if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException) {
            return new PermanentBackendException(FailureKind.CLIENT_ERROR, "request rejected by LangChain4j: "
                    + e.getClass().getSimpleName(), e);
        }
        return new TransientBackendException(FailureKind.SERVER_ERROR,
                "chat call failed: " + e.getClass().getSimpleName(), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
