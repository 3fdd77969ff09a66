package io.eventflow.publisher.adapter.in.web.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS: closed by default, open to the configured origins only; preflights need no API key. Uses the JDK's
 * HTTP client because the JAX-RS client's default connector drops {@code Origin} and {@code Access-Control-*}.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest(resetPerTest = true)
@AddConfig(key = "eventflow.security.enabled", value = "true")
@AddConfig(key = "eventflow.security.api-keys", value = "web:" + CorsIT.KEY)
class CorsIT {

    static final String KEY = "web-key-0123456789abcdef";
    private static final String APP = "https://app.example";
    private static final String EVENT = """
            {"user_id":"u-cors","event_type":"click","timestamp":"2024-01-01T12:00:00Z"}""";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesEveryOriginByDefault(WebTarget target) throws Exception {
        HttpResponse<String> preflight = preflight(target, APP);

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    @AddConfig(key = "eventflow.security.cors.allowed-origins", value = "https://admin.example," + APP)
    void allowsAConfiguredOriginOnly(WebTarget target) throws Exception {
        HttpResponse<String> preflight = preflight(target, APP);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .containsIgnoringCase("x-api-key");

        HttpResponse<String> post = send(request(target).header("Origin", APP).header("X-API-Key", KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(EVENT)));
        assertThat(post.statusCode()).isEqualTo(202);
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);

        assertThat(preflight(target, "https://evil.example").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> preflight(WebTarget target, String origin) throws Exception {
        return send(request(target).header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpRequest.Builder request(WebTarget target) {
        return HttpRequest.newBuilder(URI.create(target.getUri() + "/api/v1/events/analytics"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
