package io.eventflow.subscriber.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys on the subscriber against a real broker and database: no key is a 401 on every /api route, a read-only
 * key may read but not requeue (403), the local key of {@code ./eventflow run} (no scopes: all of them) may do
 * everything; wrong keys are throttled per address, request values are escaped in the access log, and no key name
 * becomes a metric label.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.security.enabled", value = "true")
@AddConfig(key = "eventflow.security.api-keys", value = "local-run-key:" + ApiKeyIT.LOCAL_KEY
        + ",readonly-dash:" + ApiKeyIT.READER_HASH + ":read")
@AddConfig(key = "eventflow.security.auth-failures.per-minute", value = "3")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeyIT {

    /** As {@code ./eventflow run} sets it: {@code local:<64 hex digits>}, no scopes. */
    static final String LOCAL_KEY = "3f1c5a7e9b2d4f6081a3c5e7f9b1d3f5a7c9e1b3d5f7092a4c6e8f0b2d4f6a8c";
    static final String READER_KEY = "reader-key-0123456789abcdef";
    // sha256 of READER_KEY
    static final String READER_HASH = "sha256:75b38889ff0e52878a7637a97ae16cbe0af0f5542459765a705db1e2e8b7d33d";
    private static final String EVENT = UUID.randomUUID().toString();
    private static final List<String[]> ROUTES = List.of(
            new String[] {"GET", "/api/v1/events/user/u-1"},
            new String[] {"GET", "/api/v1/events/researcher/r-1"},
            new String[] {"GET", "/api/v1/analytics/user/u-1"},
            new String[] {"GET", "/api/v1/analytics/researcher/r-1"},
            new String[] {"GET", "/api/v1/events/" + EVENT},
            new String[] {"POST", "/api/v1/events/" + EVENT + "/requeue"},
            new String[] {"POST", "/api/v1/events/requeue"});

    @Inject
    private WebTarget target;

    @Test
    @Order(1)
    void answers401ProblemOnEveryApiRouteWithoutAKey() {
        for (String[] route : ROUTES) {
            Response response = call(route, null);

            assertThat(response.getStatus()).as("%s %s", route[0], route[1]).isEqualTo(401);
            assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
            assertThat(response.readEntity(Map.class).get("title")).isEqualTo("API key required");
        }
    }

    @Test
    @Order(2)
    void letsAReadOnlyKeyReadButNotRequeue() {
        assertThat(call(ROUTES.get(0), READER_KEY).getStatus()).isEqualTo(200);
        assertThat(call(ROUTES.get(4), READER_KEY).getStatus()).isEqualTo(404);

        for (String[] route : ROUTES.subList(5, 7)) {
            Response response = call(route, READER_KEY);

            assertThat(response.getStatus()).as(route[1]).isEqualTo(403);
            Map<?, ?> problem = response.readEntity(Map.class);
            assertThat(problem.get("title")).isEqualTo("Scope required");
            assertThat((String) problem.get("detail")).contains("'admin' scope");
        }
    }

    @Test
    @Order(3)
    void letsTheLocalKeyWithoutScopesDoEverything() {
        assertThat(call(ROUTES.get(0), LOCAL_KEY).getStatus()).isEqualTo(200);
        assertThat(call(ROUTES.get(1), LOCAL_KEY).getStatus()).isEqualTo(200);
        Response requeueAll = call(ROUTES.get(6), LOCAL_KEY);
        assertThat(requeueAll.getStatus()).isEqualTo(202);
        assertThat(requeueAll.readEntity(Map.class)).containsKey("requeued");
        // an unknown event: the request got through the key check to the resource
        assertThat(call(ROUTES.get(5), LOCAL_KEY).getStatus()).isEqualTo(404);

        Response bearer = target.path("/api/v1/events/user/u-1").request()
                .header("Authorization", "Bearer " + LOCAL_KEY).get();
        assertThat(bearer.getStatus()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void refusesACrossSiteFormPostToRequeue() {
        Response response = target.path("/api/v1/events/requeue").request()
                .header("Origin", "https://evil.example")
                .post(Entity.entity("type=chemical_research", MediaType.APPLICATION_FORM_URLENCODED));

        // a form cannot carry the key header, so it never gets past authentication
        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void keepsHealthMetricsAndOpenApiOpenAndDeclaresTheSchemes() {
        for (String path : new String[] {"/healthz", "/health", "/health/live", "/health/ready", "/metrics",
                "/openapi"}) {
            assertThat(target.path(path).request().get().getStatus()).as(path).isIn(200, 503);
        }
        String openapi = target.path("/openapi").request().get(String.class);
        assertThat(openapi).contains("securitySchemes").contains("X-API-Key").contains("bearerKey")
                .contains("/api/v1/events/requeue").contains("'admin' scope");
    }

    @Test
    @Order(6)
    void escapesControlCharactersInTheAccessLog() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() != null ? record.getMessage() : "");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger("io.eventflow.access");
        access.addHandler(capture);
        try {
            assertThat(target.path("/api/v1/events/user/x%0AINFO: forged%0D%1B").request().get().getStatus())
                    .isEqualTo(401);
        } finally {
            access.removeHandler(capture);
        }

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("x\\u000aINFO: forged\\u000d\\u001b")
                .doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    @Order(7)
    void namesNoKeyInMetricLabels() {
        call(ROUTES.get(0), LOCAL_KEY);
        call(ROUTES.get(6), READER_KEY);

        String metrics = target.path("/metrics").request("text/plain").get(String.class);

        assertThat(metrics).contains("api_key_rejections_total").doesNotContain("local-run-key")
                .doesNotContain("readonly-dash").doesNotContain(LOCAL_KEY).doesNotContain(READER_KEY);
    }

    @Test
    @Order(100)
    void throttlesWrongKeysPerAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(call(ROUTES.get(0), "wrong-key-0123456789-" + i).getStatus()).isEqualTo(401);
        }

        Response throttled = call(ROUTES.get(0), LOCAL_KEY);

        // once the budget is spent even a right key waits: otherwise guessing would go on at full speed
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.getHeaderString("Retry-After"))).isBetween(1, 60);
        assertThat((String) throttled.readEntity(Map.class).get("detail")).contains("3 wrong API keys a minute");
        assertThat(target.path("/metrics").request("text/plain").get(String.class))
                .containsPattern("api_key_rejections_total\\{.*reason=\"throttled\".*} [1-9]");
    }

    private Response call(String[] route, String key) {
        Invocation.Builder request = target.path(route[1]).request();
        if (key != null) {
            request = request.header("X-API-Key", key);
        }
        return "GET".equals(route[0]) ? request.get() : request.post(Entity.json(""));
    }
}
