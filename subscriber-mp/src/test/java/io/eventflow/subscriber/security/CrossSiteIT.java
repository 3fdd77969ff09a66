package io.eventflow.subscriber.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With keys off, requeue still refuses what a web page on another site could send without a CORS preflight: a
 * form post or a body-less POST. A JSON or custom-header POST (what curl and scripts send) goes through. Uses the
 * JDK's HTTP client so the request is exactly what a browser would send.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.security.enabled", value = "false")
class CrossSiteIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    private WebTarget target;

    @Test
    void refusesAFormPostAndABodylessPostToRequeueAll() throws Exception {
        HttpResponse<String> form = send(request().header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("type=chemical_research")));
        HttpResponse<String> bodyless = send(request().POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> textPlain = send(request().header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        for (HttpResponse<String> refused : List.of(form, bodyless, textPlain)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("Cross-site request refused").contains("application/json");
        }
    }

    @Test
    void acceptsAJsonOrCustomHeaderPost() throws Exception {
        HttpResponse<String> json = send(request().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> custom = send(request().header("X-Requested-With", "curl")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(json.statusCode()).isEqualTo(202);
        assertThat(custom.statusCode()).isEqualTo(202);
    }

    @Test
    void answers422ForATypeThatCannotBeAnEventType() throws Exception {
        // a U+0000 reached PostgreSQL before, which refuses it in a text parameter: a 500 found by the corpus
        HttpResponse<String> nul = send(HttpRequest.newBuilder(URI.create(target.getUri()
                        + "/api/v1/events/requeue?type=x%00")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(nul.statusCode()).isEqualTo(422);
        assertThat(nul.body()).contains("\"field\":\"type\"").contains("1 to 100");
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(target.getUri() + "/api/v1/events/requeue"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
