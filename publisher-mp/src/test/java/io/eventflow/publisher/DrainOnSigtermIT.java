package io.eventflow.publisher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.Infrastructure;
import io.eventflow.testing.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM to a real publisher process with requests in flight: it stops taking connections at once, answers every
 * request it had taken (here 503, as the broker is stopped so none can be acknowledged), and then exits.
 */
@ExtendWith(Infrastructure.class)
class DrainOnSigtermIT {

    private static final int IN_FLIGHT = 20;
    private static final Pattern IN_FLIGHT_GAUGE = Pattern.compile("(?m)^publish_in_flight_records\\S* (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void answersRequestsInFlightThenExits() throws Exception {
        int port = Devkit.freePort();
        try (ManagedProcess publisher = start(port)) {
            // warm-up: the topic exists and the producer knows it
            await().atMost(Duration.ofSeconds(60)).until(() -> post(port).statusCode() == 202);
            Infrastructure.stopKafka();
            try {
                List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
                for (int i = 0; i < IN_FLIGHT; i++) {
                    inFlight.add(postAsync(port));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> inFlightRecords(port) == IN_FLIGHT);

                long sigterm = System.nanoTime();
                publisher.process().destroy();

                await().atMost(Duration.ofSeconds(5)).until(() -> refusesConnections(port));
                long stoppedAcceptingMs = (System.nanoTime() - sigterm) / 1_000_000;
                List<Integer> statuses = new ArrayList<>();
                for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                    statuses.add(request.get(30, TimeUnit.SECONDS).statusCode());
                }
                assertThat(publisher.process().waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
                long exitedMs = (System.nanoTime() - sigterm) / 1_000_000;
                System.out.printf("drain: SIGTERM with %d requests in flight: new connections refused after %d ms,"
                        + " answers %s, exit %d after %d ms%n", IN_FLIGHT, stoppedAcceptingMs, statuses,
                        publisher.process().exitValue(), exitedMs);
                assertThat(statuses).hasSize(IN_FLIGHT).containsOnly(503);
            } finally {
                Infrastructure.startKafka();
            }
        }
    }

    private ManagedProcess start(int port) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "drain-it")).toAbsolutePath();
        List<String> command = List.of(Devkit.javaExecutable(), "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-Dserver.port=" + port, "-Dserver.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + Infrastructure.kafkaBootstrapServers(),
                "-Deventflow.security.enabled=false",
                "-Deventflow.publish.timeout-ms=8000",
                "-Deventflow.kafka.producer.delivery.timeout.ms=6000",
                "-Deventflow.kafka.producer.request.timeout.ms=1000",
                "-Deventflow.kafka.producer.max.block.ms=1000",
                "-Deventflow.kafka.producer.linger.ms=0",
                "-cp", System.getProperty("java.class.path"), "io.helidon.microprofile.cdi.Main");
        return ManagedProcess.start("publisher", command, logs, logs.resolve("publisher-" + port + ".log"),
                "Server started on", Duration.ofSeconds(180));
    }

    private HttpResponse<String> post(int port) throws Exception {
        return http.send(request(port), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(int port) {
        return http.sendAsync(request(port), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/analytics"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"drain-" + UUID.randomUUID()
                        + "\",\"event_type\":\"click\",\"timestamp\":\"2024-01-01T12:00:00Z\"}")).build();
    }

    private int inFlightRecords(int port) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher gauge = IN_FLIGHT_GAUGE.matcher(metrics);
        return gauge.find() ? (int) Double.parseDouble(gauge.group(1)) : -1;
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
