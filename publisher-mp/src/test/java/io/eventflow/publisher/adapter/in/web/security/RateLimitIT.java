package io.eventflow.publisher.adapter.in.web.security;

import java.util.Map;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits per API key: a burst of two, then 429 with Retry-After, while another key is unaffected. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.security.enabled", value = "true")
@AddConfig(key = "eventflow.security.api-keys", value = "busy:busy-key-0123456789ab,calm:calm-key-0123456789ab")
@AddConfig(key = "eventflow.security.rate-limit.enabled", value = "true")
@AddConfig(key = "eventflow.security.rate-limit.requests-per-minute", value = "1")
@AddConfig(key = "eventflow.security.rate-limit.burst", value = "2")
class RateLimitIT {

    private static final String EVENT = """
            {"user_id":"u-rate","event_type":"click","timestamp":"2024-01-01T12:00:00Z"}""";

    @Inject
    private WebTarget target;

    @Test
    void answers429WithRetryAfterOnceAKeyUsedItsBurst() {
        assertThat(post("busy-key-0123456789ab").getStatus()).isEqualTo(202);
        assertThat(post("busy-key-0123456789ab").getStatus()).isEqualTo(202);

        Response limited = post("busy-key-0123456789ab");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.getHeaderString("Retry-After"))).isBetween(1, 60);
        Map<?, ?> problem = limited.readEntity(Map.class);
        assertThat(problem.get("status")).isEqualTo(429);
        assertThat((String) problem.get("detail")).contains("'busy'").contains("1 requests a minute");

        assertThat(post("calm-key-0123456789ab").getStatus()).isEqualTo(202);
        String metrics = target.path("/metrics").request("text/plain").get(String.class);
        // labelled with the key's opaque id, never its name
        assertThat(metrics).containsPattern("rate_limited_requests_total\\{.*key_id=\"[0-9a-f]{8}\".*} [1-9]")
                .doesNotContain("\"busy\"").doesNotContain("\"calm\"");
    }

    private Response post(String key) {
        return target.path("/api/v1/events/analytics").request().header("X-API-Key", key)
                .post(Entity.entity(EVENT, MediaType.APPLICATION_JSON));
    }
}
