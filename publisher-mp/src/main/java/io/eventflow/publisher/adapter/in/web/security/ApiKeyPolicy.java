package io.eventflow.publisher.adapter.in.web.security;

import java.util.List;

/** Whether requests need an API key, and which keys are accepted. */
public record ApiKeyPolicy(boolean required, ApiKeys keys) {

    /** Keys are off: an explicit setting, every request passes. */
    public static ApiKeyPolicy off() {
        return new ApiKeyPolicy(false, ApiKeys.parse(List.of()));
    }

    /** Keys are on; refuses an empty key set, which would lock every client out. */
    public static ApiKeyPolicy requiring(ApiKeys keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("API keys are required (eventflow.security.enabled=true) but none is "
                    + "configured. Set eventflow.security.api-keys (env EVENTFLOW_SECURITY_API_KEYS) to "
                    + "'name:secret,...' or eventflow.security.api-keys-file to a file with one such entry per line, "
                    + "or turn keys off explicitly with eventflow.security.enabled=false.");
        }
        return new ApiKeyPolicy(true, keys);
    }
}
