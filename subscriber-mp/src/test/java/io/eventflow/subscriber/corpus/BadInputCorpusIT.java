package io.eventflow.subscriber.corpus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of malformed and hostile requests (jqwik arbitraries) against the running subscriber, with a
 * real broker and database: 1,000 per endpoint - path values (control characters, traversal, huge, not UUIDs),
 * query strings, headers (no, wrong, read-only and admin keys; content types; ids) and bodies. A failed event sits
 * in the database throughout. The property: never a 5xx, never a hang, no state change (statuses, stored events
 * and jobs as before), and the service still answers valid requests afterwards.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "eventflow.security.enabled", value = "true")
@AddConfig(key = "eventflow.security.api-keys", value = "ops:" + BadInputCorpusIT.ADMIN_KEY + ",dash:"
        + BadInputCorpusIT.READ_KEY + ":read")
// the corpus is about input handling: neither the rate limit nor the wrong-key throttle may answer in its place
@AddConfig(key = "eventflow.security.rate-limit.enabled", value = "false")
@AddConfig(key = "eventflow.security.auth-failures.per-minute", value = "0")
class BadInputCorpusIT {

    static final String ADMIN_KEY = "corpus-admin-0123456789abcdef";
    static final String READ_KEY = "corpus-read-0123456789abcdef";
    private static final int PER_ENDPOINT = Integer.getInteger("corpus.cases", 1000);
    private static final UUID FAILED = UUID.randomUUID();

    @Inject
    private WebTarget target;

    @Test
    void neverFailsNorChangesStateOnMalformedOrHostileInput() throws Exception {
        insertFailedEvent();
        CorpusRunner runner = new CorpusRunner();
        Map<String, List<Case>> corpus = new LinkedHashMap<>();
        corpus.put("GET /api/v1/events/user/{id}", runner.draw(get("/api/v1/events/user/"), PER_ENDPOINT));
        corpus.put("GET /api/v1/events/researcher/{r}", runner.draw(get("/api/v1/events/researcher/"), PER_ENDPOINT));
        corpus.put("GET /api/v1/analytics/user/{id}", runner.draw(get("/api/v1/analytics/user/"), PER_ENDPOINT));
        corpus.put("GET /api/v1/analytics/researcher/{r}",
                runner.draw(get("/api/v1/analytics/researcher/"), PER_ENDPOINT));
        corpus.put("GET /api/v1/events/{event_id}", runner.draw(get("/api/v1/events/"), PER_ENDPOINT));
        corpus.put("POST /api/v1/events/{event_id}/requeue", runner.draw(requeueOne(), PER_ENDPOINT));
        corpus.put("POST /api/v1/events/requeue", runner.draw(requeueAll(), PER_ENDPOINT));
        String before = state();
        CorpusRunner.Outcome outcome = runner.runAll("subscriber", base(), corpus, BadInputCorpusIT::nothingRequeued);
        String after = state();
        assertThat(outcome.failures()).as("cases that broke the property").isEmpty();
        assertThat(after).as("statuses, stored events and jobs after the corpus").isEqualTo(before);
        assertThat(outcome.total()).isGreaterThanOrEqualTo(7 * Math.min(PER_ENDPOINT, 1000));
        assertThat(status("/api/v1/events/" + FAILED)).isEqualTo(200);
        assertThat(status("/api/v1/events/user/u-corpus?limit=5")).isEqualTo(200);
    }

    private static String nothingRequeued(Case c, HttpResponse<String> response) {
        return "POST".equals(c.method()) && response.statusCode() == 202 && !response.body().contains("\"requeued\":0")
                ? "requeued something" : null;
    }

    // --- requests per endpoint --------------------------------------------------------------------------------

    /** A path value the route cannot find anything for: hostile text, percent-encoded, never empty. */
    private static Arbitrary<String> pathValue() {
        return CorpusRunner.hostileText().map(text -> CorpusRunner.encode(text.isEmpty() ? "x" : text));
    }

    private static Arbitrary<Case> get(String prefix) {
        return Combinators.combine(pathValue(), headers(false), CorpusRunner.hostileQuery())
                .as((value, headers, query) -> new Case("get", "GET", prefix + value + query, headers, null));
    }

    private static Arbitrary<Case> requeueOne() {
        return Combinators.combine(pathValue(), headers(true), CorpusRunner.hostileQuery(), body())
                .as((id, headers, query, body) -> new Case("requeue-one", "POST",
                        "/api/v1/events/" + id + "/requeue" + query, headers, body));
    }

    /** Requeue-all with a type no event has (an admin may requeue; nothing may match), or without the right key. */
    private static Arbitrary<Case> requeueAll() {
        Arbitrary<Case> withType = Combinators.combine(CorpusRunner.hostileText(), headers(true),
                        CorpusRunner.hostileQuery(), body())
                .as((type, headers, query, body) -> new Case("requeue-all", "POST", "/api/v1/events/requeue?type="
                        + CorpusRunner.encode("x" + type) + query.replaceFirst("^\\?", "&"), headers, body));
        Arbitrary<Case> unauthorized = Combinators.combine(notAdmin(), CorpusRunner.hostileQuery(), body())
                .as((headers, query, body) -> new Case("requeue-all-not-admin", "POST", "/api/v1/events/requeue"
                        + query, headers, body));
        return Arbitraries.oneOf(withType, unauthorized);
    }

    private static Arbitrary<byte[]> body() {
        return Arbitraries.oneOf(CorpusRunner.hostileText().map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of("{}", "[]", "{\"type\":\"chemical_research\"}", "type=chemical_research")
                        .map(text -> text.getBytes(StandardCharsets.UTF_8))).injectNull(0.3);
    }

    /** Mostly a key that may call the route, so the request reaches the resource; sometimes none or a wrong one. */
    private static Arbitrary<Map<String, String>> headers(boolean admin) {
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(admin ? ADMIN_KEY : READ_KEY)),
                Tuple.of(1, CorpusRunner.hostileHeaderValue()), Tuple.of(1, Arbitraries.just("")));
        return withKey(key);
    }

    private static Arbitrary<Map<String, String>> notAdmin() {
        return withKey(Arbitraries.oneOf(Arbitraries.just(READ_KEY), Arbitraries.just(""),
                CorpusRunner.hostileHeaderValue()));
    }

    private static Arbitrary<Map<String, String>> withKey(Arbitrary<String> key) {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("application/json",
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/xml", "x"),
                CorpusRunner.hostileHeaderValue());
        Arbitrary<Map<String, String>> extra = Arbitraries.maps(Arbitraries.of("X-Correlation-Id", "Accept",
                "Origin", "X-Requested-With", "X-Forwarded-For", "Authorization"),
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

    // --- state ------------------------------------------------------------------------------------------------

    private static void insertFailedEvent() throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("INSERT INTO event_processing_status "
                + "(event_id, event_type, status, error_message, retry_count) VALUES (?, 'chemical_research', "
                + "'failed', 'corpus', 3)")) {
            s.setObject(1, FAILED);
            s.executeUpdate();
        }
    }

    /** Every status row, the stored events and the jobs, as one comparable text. */
    private static String state() throws Exception {
        StringBuilder state = new StringBuilder();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            for (String query : List.of(
                    "SELECT count(*) || ':' || coalesce(string_agg(event_id || '/' || status || '/' || retry_count"
                            + " || '/' || updated_at, ',' ORDER BY id), '') FROM event_processing_status",
                    "SELECT count(*)::text FROM user_analytics_events",
                    "SELECT count(*)::text FROM chemical_research_events",
                    "SELECT count(*)::text FROM jobrunr_jobs")) {
                try (ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    state.append(rs.getString(1)).append('\n');
                }
            }
        }
        return state.toString();
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "postgres");
    }

    private String base() {
        return target.getUri().toString().replaceAll("/$", "");
    }

    private int status(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).header("X-API-Key", READ_KEY)
                .timeout(Duration.ofSeconds(30)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
