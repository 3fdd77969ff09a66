package io.eventflow.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Whether requests need an API key, and which keys are accepted. */
public record ApiKeyPolicy(boolean required, ApiKeys keys) {

    private static final Logger LOGGER = Logger.getLogger(ApiKeyPolicy.class.getName());

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

    /**
     * The policy from the settings both services share: {@code eventflow.security.enabled}, the comma-separated
     * {@code eventflow.security.api-keys} and the one-entry-per-line {@code eventflow.security.api-keys-file}.
     */
    public static ApiKeyPolicy configure(boolean enabled, Optional<String> keys, Optional<String> file) {
        if (!enabled) {
            LOGGER.warning("API keys are OFF (eventflow.security.enabled=false): anyone who reaches this port "
                    + "can call every /api route.");
            return off();
        }
        List<String> entries = new ArrayList<>();
        keys.ifPresent(list -> entries.addAll(List.of(list.split(","))));
        file.filter(name -> !name.isBlank()).ifPresent(name -> entries.addAll(readKeyFile(Path.of(name))));
        ApiKeyPolicy policy = requiring(ApiKeys.parse(entries));
        LOGGER.info(() -> "API keys required: " + policy.keys().size() + " key(s) configured: "
                + policy.keys().describe());
        return policy;
    }

    private static List<String> readKeyFile(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API key file " + file.toAbsolutePath()
                    + " (eventflow.security.api-keys-file)", e);
        }
    }
}
