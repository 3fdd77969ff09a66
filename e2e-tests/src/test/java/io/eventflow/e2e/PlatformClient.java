package io.eventflow.e2e;

import java.io.IOException;
import java.net.URI;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.awaitility.Awaitility.await;

/** Posts events to a platform started by {@link PlatformRunner} and looks for them in its database. */
final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final PlatformRunner platform;

    PlatformClient(PlatformRunner platform) {
        this.platform = platform;
    }

    /** Posts one analytics event; the event id if the publisher answered 202. */
    Optional<String> tryPostEvent() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(platform.publisher() + "/api/v1/events/analytics"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-API-Key", platform.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"user_id":"user-%s","event_type":"page_view","timestamp":"2024-01-01T12:00:00Z"}
                            """.formatted(UUID.randomUUID()))).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 202
                    ? Optional.of(JSON.readTree(response.body()).path("event_id").asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Posts one analytics event, retrying while the publisher is not accepting, and returns its id. */
    String postEvent(Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(this::tryPostEvent, Optional::isPresent).orElseThrow();
    }

    /** Whether the event's row is in the database (false while the database does not answer). */
    boolean isStored(String eventId) {
        return count("SELECT count(*) FROM user_analytics_events WHERE event_id = ?", eventId) > 0;
    }

    /** Whether the subscriber recorded the event's processing status (it consumed the event and scheduled its job). */
    boolean isRecorded(String eventId) {
        return count("SELECT count(*) FROM event_processing_status WHERE event_id = ?", eventId) > 0;
    }

    private long count(String sql, String eventId) {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Waits until the subscriber recorded the event and returns how long that took from {@code since} (nanoTime). */
    Duration awaitRecorded(String eventId, long since, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> isRecorded(eventId));
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** Waits until the event is stored and returns how long that took from {@code since} (nanoTime). */
    Duration awaitStored(String eventId, long since, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> isStored(eventId));
        return Duration.ofNanos(System.nanoTime() - since);
    }

    /** The HTTP status of a GET, or 0 when nothing answers. */
    int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Waits until a line containing {@code text} appears in {@code log} after its first {@code skip} bytes. */
    static void awaitLine(Path log, long skip, String text, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> textAfter(log, skip).contains(text));
    }

    /** What {@code log} holds after its first {@code skip} bytes. */
    static String textAfter(Path log, long skip) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return skip >= bytes.length ? "" : new String(bytes, (int) skip, bytes.length - (int) skip, StandardCharsets.UTF_8);
    }
}
