package io.eventflow.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The {@code user_analytics} events a run sends. Each carries the run id and its sequence number in
 * {@code metadata}, and one of a few user ids of its own, so stored rows can be found and timed.
 */
public final class EventBodies {

    /** The publisher's single-event endpoint. */
    public static final String SINGLE_PATH = "/api/v1/events/analytics";
    /** The publisher's batch endpoint: a JSON array of typed events, answered with one outcome per event. */
    public static final String BATCH_PATH = "/api/v1/events/batch";
    /** How many distinct user ids (Kafka keys) a run spreads its events over. */
    public static final int USERS = 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String runId;
    private final String apiKey;
    private final String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    /** The events of run {@code runId}, sent with this API key (none if null or blank). */
    public EventBodies(String runId, String apiKey) {
        this.runId = runId;
        this.apiKey = apiKey;
    }

    /** The JSON of event {@code seq}. */
    String event(long seq) {
        return "{\"user_id\":\"" + userId(seq) + "\",\"event_type\":\"bench\",\"timestamp\":\"" + timestamp
                + "\",\"metadata\":{\"bench_run\":\"" + runId + "\",\"seq\":" + seq + ",\"page\":\"/bench\"}}";
    }

    /** A JSON array of {@code size} events, numbered from {@code first}; each names its type, as batches require. */
    String batch(long first, int size) {
        return LongStream.range(first, first + size)
                .mapToObj(seq -> "{\"type\":\"user_analytics\"," + event(seq).substring(1))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** POSTs of single events to {@code url}. */
    public LongFunction<HttpRequest> singles(String url) {
        URI uri = URI.create(url);
        return seq -> post(uri, event(seq));
    }

    /** POSTs of {@code size}-event batches to {@code url}; batch n holds events n*size .. n*size+size-1. */
    public LongFunction<HttpRequest> batches(String url, int size) {
        URI uri = URI.create(url);
        return n -> post(uri, batch(n * size, size));
    }

    /** The user ids this run's events carry. */
    public List<String> userIds() {
        return IntStream.range(0, USERS).mapToObj(this::userId).toList();
    }

    private String userId(long seq) {
        return "bench-" + runId + "-" + (seq % USERS);
    }

    private HttpRequest post(URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null && !apiKey.isBlank()) {
            builder.header("X-API-Key", apiKey);
        }
        return builder.build();
    }
}
