package io.eventflow.publisher.corpus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.testing.CorpusRunner;
import io.eventflow.testing.CorpusRunner.Case;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Arrays;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of malformed and hostile requests (jqwik arbitraries) against the running publisher, a real
 * broker behind it: 1,000 per endpoint - bodies (not JSON, truncated, wrong types, missing fields, bad timestamps,
 * nesting deeper than the parser allows, non-objects), headers (content types, keys, idempotency and correlation
 * ids, CloudEvents attributes) and query strings. The property: never a 5xx, never a hang, never accepted (no
 * 202, no event in a 207), nothing reaches the topic, and a valid event is still accepted afterwards.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.security.enabled", value = "true")
@AddConfig(key = "eventflow.security.api-keys", value = "corpus:" + BadInputCorpusIT.KEY)
// the corpus is about validation: neither the rate limit nor the wrong-key throttle may answer in its place
@AddConfig(key = "eventflow.security.rate-limit.enabled", value = "false")
@AddConfig(key = "eventflow.security.auth-failures.per-minute", value = "0")
class BadInputCorpusIT {

    static final String KEY = "corpus-key-0123456789abcdef";
    private static final int PER_ENDPOINT = Integer.getInteger("corpus.cases", 1000);
    private static final String TOPIC = "eventflow.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private WebTarget target;

    @Test
    void neverAcceptsNorFailsOnMalformedOrHostileInput() throws Exception {
        CorpusRunner runner = new CorpusRunner();
        Map<String, List<Case>> corpus = new LinkedHashMap<>();
        corpus.put("POST /api/v1/events/analytics", runner.draw(eventPost("/api/v1/events/analytics", analytics()),
                PER_ENDPOINT));
        corpus.put("POST /api/v1/events/chemical", runner.draw(eventPost("/api/v1/events/chemical", chemical()),
                PER_ENDPOINT));
        corpus.put("POST /api/v1/events", runner.draw(cloudEventPost(), PER_ENDPOINT));
        corpus.put("POST /api/v1/events/batch", runner.draw(batchPost(), PER_ENDPOINT));
        corpus.put("GET /api/v1/schemas", runner.draw(schemaGet(false), PER_ENDPOINT));
        corpus.put("GET /api/v1/schemas/{type}", runner.draw(schemaGet(true), PER_ENDPOINT));
        long recordsBefore = recordsOnTopic();
        CorpusRunner.Outcome outcome = runner.runAll("publisher", base(), corpus, BadInputCorpusIT::notAccepted);
        long recordsAfter = recordsOnTopic();
        assertThat(outcome.failures()).as("cases that broke the property").isEmpty();
        assertThat(recordsAfter).as("records on the topic after the corpus").isEqualTo(recordsBefore);
        assertThat(outcome.total()).isGreaterThanOrEqualTo(6 * Math.min(PER_ENDPOINT, 1000));
        assertThat(validEventIsAccepted()).isEqualTo(202);
    }

    private static String notAccepted(Case c, HttpResponse<String> response) {
        if (!"POST".equals(c.method())) {
            return null;
        }
        if (response.statusCode() == 202) {
            return "accepted (202)";
        }
        if (response.statusCode() == 207) {
            try {
                JsonNode body = JSON.readTree(response.body());
                return body.path("accepted").asInt() == 0 ? null : "accepted " + body.path("accepted") + " of a batch";
            } catch (Exception e) {
                return "207 without a readable result";
            }
        }
        return response.statusCode() < 400 ? "answered " + response.statusCode() + ", not a 4xx" : null;
    }

    // --- bodies -----------------------------------------------------------------------------------------------

    private static Map<String, Object> analyticsEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("user_id", "u-corpus");
        event.put("event_type", "login");
        event.put("timestamp", "2024-01-01T12:00:00Z");
        event.put("metadata", Map.of("page", "/home"));
        return event;
    }

    private static Map<String, Object> chemicalEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("molecule_id", "m-corpus");
        event.put("researcher", "Dr. Corpus");
        event.put("data", Map.of("formula", "H2O"));
        event.put("timestamp", "2024-01-01T12:00:00Z");
        return event;
    }

    private static Arbitrary<byte[]> analytics() {
        return invalidEvent(analyticsEvent(), List.of("user_id", "event_type", "timestamp"));
    }

    private static Arbitrary<byte[]> chemical() {
        return invalidEvent(chemicalEvent(), List.of("molecule_id", "researcher", "data", "timestamp"));
    }

    /** Bodies that are not a valid event of this shape, whatever the generator draws. */
    private static Arbitrary<byte[]> invalidEvent(Map<String, Object> valid, List<String> required) {
        byte[] validBytes = json(valid);
        Arbitrary<byte[]> notJson = CorpusRunner.hostileText().map(text -> ("{" + text).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, validBytes.length - 1)
                .map(cut -> Arrays.copyOf(validBytes, cut));
        Arbitrary<byte[]> wrongType = Combinators.combine(Arbitraries.of(required), wrongTypedValue())
                .as((field, value) -> json(with(valid, field, value)));
        Arbitrary<byte[]> missing = Combinators.combine(Arbitraries.of(required), Arbitraries.maps(
                        Arbitraries.of("extra", "x", "__proto__", "$where"), CorpusRunner.hostileText()).ofMaxSize(3))
                .as((field, extra) -> {
                    Map<String, Object> event = new LinkedHashMap<>(valid);
                    event.remove(field);
                    event.putAll(extra);
                    return json(event);
                });
        Arbitrary<byte[]> badTimestamp = CorpusRunner.hostileText()
                .map(text -> json(with(valid, "timestamp", "x" + text)));
        Arbitrary<byte[]> tooDeep = Arbitraries.integers().between(1500, 4000)
                .map(depth -> nested(valid, depth));
        Arbitrary<byte[]> notAnObject = Arbitraries.of("[]", "[{}]", "null", "true", "42", "\"event\"", "",
                        " ", "{}", "{\"user_id\":}", "{,}", "\u0000")
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, notJson), net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(3, wrongType), net.jqwik.api.Tuple.of(2, missing),
                net.jqwik.api.Tuple.of(2, badTimestamp), net.jqwik.api.Tuple.of(1, tooDeep),
                net.jqwik.api.Tuple.of(1, notAnObject));
    }

    private static Arbitrary<Object> wrongTypedValue() {
        return Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(List.of("a", 1)), Arbitraries.just(new ArrayList<>()));
    }

    // --- requests per endpoint --------------------------------------------------------------------------------

    private static Arbitrary<Case> eventPost(String path, Arbitrary<byte[]> bodies) {
        return Combinators.combine(bodies, headers("application/json"), CorpusRunner.hostileQuery())
                .as((body, headers, query) -> new Case("event", "POST", path + query, headers, body));
    }

    private static Arbitrary<Case> cloudEventPost() {
        Arbitrary<byte[]> structured = Arbitraries.oneOf(analytics(), envelope());
        Arbitrary<Case> asStructured = Combinators.combine(structured, headers("application/cloudevents+json"),
                        CorpusRunner.hostileQuery())
                .as((body, headers, query) -> new Case("cloudevent", "POST", "/api/v1/events" + query, headers, body));
        // binary mode with a data payload that is valid but an event type no contract has
        Arbitrary<Case> asBinary = Combinators.combine(headers("application/json"), CorpusRunner.hostileHeaderValue(),
                        CorpusRunner.hostileHeaderValue(), CorpusRunner.hostileQuery())
                .as((headers, type, id, query) -> {
                    Map<String, String> all = new LinkedHashMap<>(headers);
                    all.put("ce-specversion", "1.0");
                    all.put("ce-type", "no.such.type." + type.strip());
                    all.put("ce-id", id.strip().isEmpty() ? "x" : id.strip());
                    all.put("ce-source", "/corpus");
                    return new Case("binary-cloudevent", "POST", "/api/v1/events" + query, all,
                            json(analyticsEvent()));
                });
        return Arbitraries.oneOf(asStructured, asBinary);
    }

    /** CloudEvent envelopes that break one rule: version, type, missing attribute or invalid data. */
    private static Arbitrary<byte[]> envelope() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("specversion", "1.0");
        valid.put("id", "ce-corpus");
        valid.put("source", "/corpus");
        valid.put("type", "io.eventflow.user_analytics.v1");
        valid.put("datacontenttype", "application/json");
        valid.put("data", analyticsEvent());
        Arbitrary<byte[]> badVersion = CorpusRunner.hostileText().map(v -> json(with(valid, "specversion", "0." + v)));
        Arbitrary<byte[]> badType = CorpusRunner.hostileText().map(t -> json(with(valid, "type", "no.such." + t)));
        Arbitrary<byte[]> missing = Arbitraries.of("specversion", "id", "source", "type").map(field -> {
            Map<String, Object> event = new LinkedHashMap<>(valid);
            event.remove(field);
            return json(event);
        });
        Arbitrary<byte[]> badData = Combinators.combine(Arbitraries.of("user_id", "timestamp"), wrongTypedValue())
                .as((field, value) -> json(with(valid, "data", with(analyticsEvent(), field, value))));
        return Arbitraries.oneOf(badVersion, badType, missing, badData);
    }

    private static Arbitrary<Case> batchPost() {
        Arbitrary<byte[]> invalidEvents = Arbitraries.oneOf(analytics(), chemical())
                .list().ofMinSize(1).ofMaxSize(5)
                .map(events -> {
                    List<String> parts = events.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
                    return ("[" + String.join(",", parts) + "]").getBytes(StandardCharsets.UTF_8);
                });
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(invalidEvents, analytics(),
                Arbitraries.of("[]", "{\"events\":null}", "[[]]", "[null]").map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(bodies, headers("application/json"), CorpusRunner.hostileQuery())
                .as((body, headers, query) -> new Case("batch", "POST", "/api/v1/events/batch" + query, headers, body));
    }

    private static Arbitrary<Case> schemaGet(boolean withType) {
        Arbitrary<String> path = withType
                ? CorpusRunner.hostileText().map(type -> "/api/v1/schemas/" + (type.isEmpty() ? "x" : CorpusRunner.encode(type)))
                : Arbitraries.just("/api/v1/schemas");
        return Combinators.combine(path, headers(null), CorpusRunner.hostileQuery())
                .as((p, headers, query) -> new Case("schema", "GET", p + query, headers, null));
    }

    /** Mostly the right key and content type, so that the body reaches validation; sometimes hostile ones. */
    private static Arbitrary<Map<String, String>> headers(String contentType) {
        Arbitrary<String> key = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(KEY)),
                net.jqwik.api.Tuple.of(1, CorpusRunner.hostileHeaderValue()),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
        Arbitrary<String> type = contentType == null ? Arbitraries.just("")
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(contentType)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "multipart/form-data",
                        "application/x-www-form-urlencoded", "application/json; charset=latin-9", "*/*", "x")),
                net.jqwik.api.Tuple.of(1, CorpusRunner.hostileHeaderValue()));
        Arbitrary<Map<String, String>> extra = Arbitraries.maps(Arbitraries.of("Idempotency-Key",
                "X-Correlation-Id", "Accept", "ce-id", "ce-source", "Origin", "X-Forwarded-For"),
                CorpusRunner.hostileHeaderValue()).ofMaxSize(3);
        return Combinators.combine(key, type, extra).as((k, t, more) -> {
            Map<String, String> headers = new LinkedHashMap<>(more);
            if (!k.isEmpty()) {
                headers.put("X-API-Key", k);
            }
            if (!t.isEmpty()) {
                headers.put("Content-Type", t);
            }
            return headers;
        });
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put(field, value);
        return copy;
    }

    private static byte[] nested(Map<String, Object> valid, int depth) {
        String inner = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String event = new String(json(valid), StandardCharsets.UTF_8);
        return event.replaceFirst("\\}$", ",\"deep\":" + Matcher.quoteReplacement(inner) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(Object value) {
        try {
            // through a String: an unpaired surrogate the generator drew becomes '?' instead of failing the writer
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return target.getUri().toString().replaceAll("/$", "");
    }

    private int validEventIsAccepted() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/events/analytics"))
                .header("Content-Type", "application/json").header("X-API-Key", KEY).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(analyticsEvent()))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static long recordsOnTopic() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                return 0;
            }
            var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }
}
