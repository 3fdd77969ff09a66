package io.eventflow.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private volatile long holdFirstMillis;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/events", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsEveryScheduledRequestAndCountsAnswers() {
        try (LoadGenerator load = new LoadGenerator(8, status -> { })) {
            LoadResult result = load.open("test", bodies().singles(url()), 200, Duration.ofMillis(500),
                    LoadGenerator.Listener.NONE);

            assertThat(result.ok()).isEqualTo(100);
            assertThat(result.failed()).isZero();
            assertThat(result.outcomes()).containsEntry("202", 100L);
            assertThat(result.latency().count()).isEqualTo(100);
            assertThat(requests.get()).isEqualTo(100);
        }
    }

    @Test
    void countsLatencyFromTheScheduledTimeWhenTheServerStalls() {
        holdFirstMillis = 300;
        try (LoadGenerator load = new LoadGenerator(1, status -> { })) {
            LoadResult result = load.open("stall", bodies().singles(url()), 100, Duration.ofMillis(500),
                    LoadGenerator.Listener.NONE);

            // requests due during the 300 ms stall waited behind it: a closed-loop timer would see ~1 ms for them
            assertThat(result.ok()).isEqualTo(50);
            assertThat(result.latency().max()).isGreaterThanOrEqualTo(300);
            assertThat(result.latency().p50()).isGreaterThan(40);
        }
    }

    @Test
    void closedModelStopsAtTheRequestLimit() {
        try (LoadGenerator load = new LoadGenerator(8, status -> { })) {
            LoadResult result = load.closed("burst", bodies().singles(url()), 4, Duration.ofSeconds(30), 37,
                    LoadGenerator.Listener.NONE);

            assertThat(result.ok()).isEqualTo(37);
            assertThat(requests.get()).isEqualTo(37);
            assertThat(result.openModel()).isFalse();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (requests.incrementAndGet() == 1 && holdFirstMillis > 0) {
            hold();
        }
        byte[] body = "{\"event_id\":\"x\"}".getBytes();
        exchange.sendResponseHeaders(202, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void hold() {
        try {
            // the stall under test: the first request takes this long, on purpose
            firstHeld.await(holdFirstMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private EventBodies bodies() {
        return new EventBodies("test", null);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }
}
