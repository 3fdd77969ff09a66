package io.eventflow.enrichment.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.util.HashMap;

/** A scripted HTTP server on 127.0.0.1 (ephemeral port): answers each request with the next queued reply. */
public final class FakeServer implements AutoCloseable {

    /** What was received. */
    public record Received(String method, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Reply otherwise = Reply.json(500, "{\"error\":{\"message\":\"no reply scripted\"}}");

    private FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a server. */
    public static FakeServer start() {
        try {
            return new FakeServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** e.g. {@code http://127.0.0.1:43127}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues replies, answered in order. */
    public FakeServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply once the queue is empty. */
    public FakeServer otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    /** Requests received so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many requests arrived. */
    public int requestCount() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply = script.isEmpty() ? otherwise : script.poll();
        if (reply.hang()) {
            awaitRelease();
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The client gave up (a timeout test); nothing to answer.
        }
    }

    private void awaitRelease() {
        try {
            released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body, boolean hang) {

        /** A JSON body with the given status. */
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, false);
        }

        /** This reply with a header added. */
        public Reply header(String name, String value) {
            Map<String, String> all = new HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, Map.copyOf(all), body, hang);
        }

        /** This reply, sent only when the server closes (or after 10 s): the client times out first. */
        public Reply hanging() {
            return new Reply(status, headers, body, true);
        }
    }
}
