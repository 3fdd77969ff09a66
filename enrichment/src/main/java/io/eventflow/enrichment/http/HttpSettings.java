package io.eventflow.enrichment.http;

import java.time.Duration;

/**
 * Where the old enrichment service runs.
 *
 * @param url     its root; requests go to {@code <url>/extract-properties}; required
 * @param apiKey  sent as a bearer token when set
 * @param timeout connect and read timeout of one request; default 30 s, as the old client had
 * @param model   the label recorded as {@code model} in results; default {@value #DEFAULT_MODEL}
 */
public record HttpSettings(String url, String apiKey, Duration timeout, String model) {

    /** The label used when the installation does not name the service's model. */
    public static final String DEFAULT_MODEL = "extract-properties";

    /** Applies the defaults; the URL must be set. */
    public HttpSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the http back end needs a url");
        }
        url = url.strip().replaceAll("/+$", "");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(30) : timeout;
        model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
    }

    /** Hides the key, so settings can be logged. */
    @Override
    public String toString() {
        return "HttpSettings[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***") + ", timeout=" + timeout
                + ", model=" + model + "]";
    }
}
