package io.eventflow.publisher.adapter.in.web.openapi;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /openapi} describes every endpoint of the publisher, with schemas, examples and error answers. */
@ExtendWith(Infrastructure.class)
@HelidonTest
class OpenApiIT {

    private static final List<String> EVENT_PATHS = List.of("/api/v1/events/analytics", "/api/v1/events/chemical",
            "/api/v1/events", "/api/v1/events/batch");

    @Inject
    private WebTarget target;
    @Inject
    private BeanManager beans;
    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        String json = target.path("/openapi").request(MediaType.APPLICATION_JSON).get(String.class);
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void documentsEveryJaxRsEndpointOfThePublisherWithItsMediaTypes() {
        Set<Endpoint> endpoints = jaxRsEndpoints();

        assertThat(endpoints).extracting(Endpoint::toString)
                .contains("post /api/v1/events/analytics", "post /api/v1/events", "get /healthz");
        for (Endpoint endpoint : endpoints) {
            JsonNode operation = document.path("paths").path(endpoint.path()).path(endpoint.verb());
            assertThat(operation.isObject()).as("%s is in /openapi", endpoint).isTrue();
            endpoint.consumes().forEach(type -> assertThat(operation.path("requestBody").path("content").has(type))
                    .as("%s documents a %s body", endpoint, type).isTrue());
        }
    }

    @Test
    void documentsHealthMetricsAndOpenApiWithoutKey() {
        for (String path : List.of("/healthz", "/health", "/health/live", "/health/ready", "/metrics", "/openapi")) {
            JsonNode get = document.path("paths").path(path).path("get");
            assertThat(get.isObject()).as(path).isTrue();
            assertThat(get.path("security").isArray() && get.path("security").isEmpty()).as(path).isTrue();
        }
    }

    @Test
    void describesEachEventEndpointsErrorsAsProblems() {
        for (String path : EVENT_PATHS) {
            JsonNode responses = document.path("paths").path(path).path("post").path("responses");
            assertThat(responses.fieldNames()).toIterable().as(path)
                    .contains("401", "413", "415", "422", "429").containsAnyOf("202", "207").doesNotContain("200");
        }
        JsonNode components = document.path("components");
        assertThat(components.path("schemas").path("Problem").path("required").toString())
                .contains("type", "title", "status", "detail");
        assertThat(components.path("schemas").path("ValidationProblem").toString()).contains("FieldError");
        assertThat(components.path("responses").path("TooManyRequests").path("headers").has("Retry-After")).isTrue();
        assertThat(components.path("securitySchemes").path("apiKey").path("name").asText()).isEqualTo("X-API-Key");
    }

    @Test
    void givesRequestSchemasAndExamples() {
        JsonNode analytics = document.path("paths").path("/api/v1/events/analytics").path("post")
                .path("requestBody").path("content").path("application/json");
        assertThat(analytics.path("schema").path("$ref").asText()).endsWith("/UserAnalyticsEvent");
        // nothing scanned from the resource's String parameter is merged into the hand-written schema
        assertThat(analytics.path("schema").has("type")).isFalse();
        assertThat(analytics.path("examples").size()).isPositive();
        JsonNode cloudEvents = document.path("paths").path("/api/v1/events").path("post").path("requestBody")
                .path("content");
        assertThat(cloudEvents.fieldNames()).toIterable()
                .contains("application/cloudevents+json", "application/json", "application/cloudevents-batch+json");
        assertThat(document.path("components").path("schemas").path("UserAnalyticsEvent").path("required").toString())
                .contains("user_id", "event_type", "timestamp");
    }

    private Set<Endpoint> jaxRsEndpoints() {
        Set<Endpoint> endpoints = new HashSet<>();
        beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().map(bean -> bean.getBeanClass())
                .filter(type -> type.isAnnotationPresent(Path.class))
                .filter(type -> type.getPackageName().startsWith("io.eventflow"))
                .forEach(type -> {
                    for (Method method : type.getMethods()) {
                        Consumes consumes = method.getAnnotation(Consumes.class);
                        httpMethod(method).ifPresent(verb -> endpoints.add(new Endpoint(verb, path(type, method),
                                consumes == null ? List.of() : List.of(consumes.value()))));
                    }
                });
        return endpoints;
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull).map(verb -> verb.value().toLowerCase(Locale.ROOT)).findFirst();
    }

    private static String path(Class<?> type, Method method) {
        String base = type.getAnnotation(Path.class).value();
        Path sub = method.getAnnotation(Path.class);
        String full = "/" + base + (sub == null ? "" : "/" + sub.value());
        return full.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private record Endpoint(String verb, String path, List<String> consumes) {
        @Override
        public String toString() {
            return verb + " " + path;
        }
    }
}
