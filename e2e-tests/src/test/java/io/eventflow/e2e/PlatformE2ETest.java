package io.eventflow.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.e2e.OtlpReceiver.ReceivedSpan;
import io.eventflow.testing.ManagedProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as {@code ./eventflow run} starts it: real broker, real PostgreSQL, both services.
 * Posts the contract's two examples, awaits them through the subscriber API and the database, follows one of them
 * through its trace (exported over OTLP to a receiver in the test), and checks that stopping the command leaves no
 * process behind - also after an earlier run was killed with -9.
 */
class PlatformE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROCESSING = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void contractExamplesFlowFromPublisherToDatabaseInOneTrace() throws Exception {
        try (OtlpReceiver traces = OtlpReceiver.start()) {
            PlatformRunner platform = PlatformRunner.onFreePorts(home());
            ManagedProcess run = platform.start("flow-run.log", Map.of("OTEL_TRACES_EXPORTER", "otlp",
                    "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                    "OTEL_BSP_SCHEDULE_DELAY", "200"));
            List<ProcessHandle> processes = run.process().descendants().toList();
            try {
                String traceId = HexFormat.of().formatHex(randomBytes(16));
                String clientSpanId = HexFormat.of().formatHex(randomBytes(8));
                String userId = "user-" + UUID.randomUUID();
                String researcher = "Dr. Smith " + UUID.randomUUID().toString().substring(0, 8);
                HttpResponse<String> analytics = post(platform, "/api/v1/events/analytics", """
                        {"user_id":"%s","event_type":"page_view","timestamp":"2024-01-01T12:00:00Z","metadata":{"page":"/home"}}
                        """.formatted(userId), "00-" + traceId + "-" + clientSpanId + "-01");
                HttpResponse<String> chemical = post(platform, "/api/v1/events/chemical", """
                        {"molecule_id":"mol-42","researcher":"%s","data":{"formula":"H2O"},"timestamp":"2024-01-01T12:00:00Z"}
                        """.formatted(researcher), null);

                assertThat(analytics.statusCode()).isEqualTo(202);
                assertThat(JSON.readTree(analytics.body()).path("message").asText()).isEqualTo("Event published");
                assertThat(chemical.statusCode()).isEqualTo(202);
                String analyticsId = JSON.readTree(analytics.body()).path("event_id").asText();
                String chemicalId = JSON.readTree(chemical.body()).path("event_id").asText();

                JsonNode userEvent = awaitFirstEvent(platform, platform.subscriber() + "/api/v1/events/user/" + userId);
                assertThat(userEvent.path("event_type").asText()).isEqualTo("page_view");
                JsonNode researchEvent = awaitFirstEvent(platform, platform.subscriber() + "/api/v1/events/researcher/"
                        + URLEncoder.encode(researcher, StandardCharsets.UTF_8).replace("+", "%20"));
                assertThat(researchEvent.path("llm_properties").path("color").asText()).isEqualTo("colorless");
                assertThat(researchEvent.path("llm_properties").path("backend").asText()).isEqualTo("reference");

                await().atMost(PROCESSING).until(() -> "completed".equals(status(platform, analyticsId))
                        && "completed".equals(status(platform, chemicalId)));
                assertThat(get(platform, platform.subscriber() + "/api/v1/events/" + analyticsId).path("trace_id")
                        .asText()).as("the event story names the trace").isEqualTo(traceId);
                assertOneTraceFromRequestToStore(traces, traceId, clientSpanId, analyticsId);
            } finally {
                stopAndAssertNothingLeft(run, processes);
            }
        }
    }

    /** request -> publish -> consume -> job attempt -> store, each span the child of the one before. */
    private static void assertOneTraceFromRequestToStore(OtlpReceiver traces, String traceId, String clientSpanId,
                                                         String eventId) {
        List<ReceivedSpan> trace = await().atMost(Duration.ofSeconds(30)).until(() -> traces.trace(traceId),
                spans -> spans.stream().anyMatch(span -> span.name().startsWith("store ")));
        ReceivedSpan request = only(trace, span -> span.kind().equals("SPAN_KIND_SERVER"));
        ReceivedSpan publish = only(trace, span -> span.name().equals("eventflow.events publish"));
        ReceivedSpan consume = only(trace, span -> span.name().equals("eventflow.events process"));
        ReceivedSpan job = only(trace, span -> span.name().equals("process user_analytics"));
        ReceivedSpan store = only(trace, span -> span.name().equals("store user_analytics"));

        assertThat(request.service()).isEqualTo("eventflow-publisher");
        assertThat(request.parentSpanId()).as("the client's traceparent is the request's parent").isEqualTo(clientSpanId);
        assertThat(publish.service()).isEqualTo("eventflow-publisher");
        assertThat(publish.kind()).isEqualTo("SPAN_KIND_PRODUCER");
        assertThat(publish.parentSpanId()).isEqualTo(request.spanId());
        assertThat(consume.service()).isEqualTo("eventflow-subscriber");
        assertThat(consume.parentSpanId()).as("the record's headers carry the publish span").isEqualTo(publish.spanId());
        assertThat(consume.attributes()).containsEntry("eventflow.event_id", eventId);
        assertThat(job.parentSpanId()).as("the job carries the consume span").isEqualTo(consume.spanId());
        assertThat(job.attributes()).containsEntry("eventflow.job.attempt", "1").containsEntry("eventflow.event_id",
                eventId);
        assertThat(store.parentSpanId()).isEqualTo(job.spanId());
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, Predicate<ReceivedSpan> which) {
        assertThat(trace).as("spans of the trace: %s", trace).filteredOn(which::test).hasSize(1);
        return trace.stream().filter(which).findFirst().orElseThrow();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @Test
    void runCleansUpAfterAnEarlierRunWasKilledWithSigkill() throws Exception {
        PlatformRunner platform = PlatformRunner.onFreePorts(home());
        ManagedProcess killed = platform.start("killed-run.log");
        List<ProcessHandle> orphans = killed.process().descendants().toList();
        killed.process().destroyForcibly();
        killed.process().waitFor();
        assertThat(orphans).as("the broker, database and services outlive a kill -9 of the command")
                .anyMatch(ProcessHandle::isAlive);

        ManagedProcess second = platform.start("second-run.log");
        List<ProcessHandle> processes = second.process().descendants().toList();
        try {
            assertThat(orphans).noneMatch(ProcessHandle::isAlive);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(platform.subscriber() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            stopAndAssertNothingLeft(second, processes);
        }
    }

    private static Path home() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "e2e").toAbsolutePath());
        return Files.createTempDirectory(base, "home-");
    }

    private static void stopAndAssertNothingLeft(ManagedProcess run, List<ProcessHandle> processes) throws Exception {
        run.process().destroy(); // SIGTERM, as a service manager or Ctrl-C would
        assertThat(run.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(processes).as("processes left after stopping").noneMatch(ProcessHandle::isAlive));
        run.close();
    }

    private HttpResponse<String> post(PlatformRunner platform, String path, String json, String traceParent)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.publisher() + path))
                .header("Content-Type", "application/json").header("X-API-Key", platform.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (traceParent != null) {
            request.header("traceparent", traceParent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(PlatformRunner platform, String url) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", platform.apiKey())
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode awaitFirstEvent(PlatformRunner platform, String url) throws Exception {
        // the subscriber's API needs a key too: run gives both services the same local key
        String key = platform.apiKey();
        return await().atMost(PROCESSING).until(() -> JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).build(),
                        HttpResponse.BodyHandlers.ofString()).body())
                .path("events").path(0), node -> !node.isMissingNode());
    }

    private static String status(PlatformRunner platform, String eventId) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("SELECT status FROM event_processing_status WHERE event_id = ?")) {
            s.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
