package io.eventflow.publisher.adapter.in.web.security;

import java.util.HexFormat;
import java.util.Map;

import io.eventflow.testing.Infrastructure;
import io.eventflow.web.security.ApiKeys;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys against the running publisher and a real broker: missing, wrong and right keys. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.security.enabled", value = "true")
@AddConfig(key = "eventflow.security.api-keys", value = "ci:" + ApiKeyIT.CI_KEY + ",partner:" + ApiKeyIT.PARTNER_HASH
        + ",reader:" + ApiKeyIT.READER_KEY + ":read")
@AddConfig(key = "eventflow.security.rate-limit.enabled", value = "false")
class ApiKeyIT {

    static final String CI_KEY = "ci-key-0123456789abcdef";
    static final String PARTNER_KEY = "partner-key-0123456789abcdef";
    // sha256 of PARTNER_KEY: a key can be configured by its hash alone
    static final String PARTNER_HASH = "sha256:7704df40bfd4eda5637e8199bc1cd751f7bd1433658238b9758a1a4ad2353ac0";
    static final String READER_KEY = "reader-key-0123456789abcdef";
    private static final String EVENT = """
            {"user_id":"u-key","event_type":"login","timestamp":"2024-01-01T12:00:00Z"}""";

    @Inject
    private WebTarget target;

    @Test
    void returns401NamingTheHeadersWhenTheKeyIsMissing() {
        Response response = post(target.path("/api/v1/events/analytics").request());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
        Map<?, ?> problem = response.readEntity(Map.class);
        assertThat(problem.get("title")).isEqualTo("API key required");
        assertThat((String) problem.get("detail")).contains("X-API-Key").contains("Authorization: Bearer");
    }

    @Test
    void returns401WhenTheKeyIsWrong() {
        Response response = post(target.path("/api/v1/events/chemical").request().header("X-API-Key", CI_KEY + "x"));

        assertThat(response.getStatus()).isEqualTo(401);
        Map<?, ?> problem = response.readEntity(Map.class);
        assertThat(problem.get("title")).isEqualTo("Invalid API key");
        assertThat((String) problem.get("detail")).contains("sent in X-API-Key is not valid");
        assertThat(target.path("/metrics").request("text/plain").get(String.class))
                .containsPattern("api_key_rejections_total\\{.*reason=\"invalid\".*} [1-9]");
    }

    @Test
    void acceptsTheKeyInTheApiKeyHeader() {
        Response response = post(target.path("/api/v1/events/analytics").request().header("X-API-Key", CI_KEY));

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.readEntity(Map.class).get("event_id")).isNotNull();
    }

    @Test
    void acceptsAKeyConfiguredByItsHashAsBearerToken() {
        assertThat(HexFormat.of().formatHex(ApiKeys.sha256(PARTNER_KEY))).isEqualTo(PARTNER_HASH.substring(7));

        Response response = post(target.path("/api/v1/events/analytics").request()
                .header("Authorization", "Bearer " + PARTNER_KEY));

        assertThat(response.getStatus()).isEqualTo(202);
    }

    @Test
    void returns403ForAKeyWithoutThePublishScope() {
        Response response = post(target.path("/api/v1/events/analytics").request().header("X-API-Key", READER_KEY));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat((String) response.readEntity(Map.class).get("detail")).contains("'publish' scope");
    }

    @Test
    void keepsHealthMetricsAndOpenApiOpen() {
        for (String path : new String[] {"/healthz", "/health/live", "/metrics", "/openapi"}) {
            assertThat(target.path(path).request().get().getStatus()).as(path).isEqualTo(200);
        }
    }

    @Test
    void answers404NotA401ForAnUnknownRoute() {
        assertThat(target.path("/api/v1/nothing-here").request().get().getStatus()).isEqualTo(404);
    }

    private static Response post(Invocation.Builder request) {
        return request.post(Entity.entity(EVENT, MediaType.APPLICATION_JSON));
    }
}
