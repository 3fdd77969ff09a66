package io.eventflow.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * HTTP/1.1 load with the JDK client. {@link #open} sends on a fixed schedule whatever the server does
 * and counts each latency from the request's scheduled time, so a stalled server shows in the
 * percentiles (no coordinated omission); at most {@code maxInFlight} requests are outstanding, the rest
 * wait - and that wait is counted. {@link #closed} is the saturation run: N clients, each sending as
 * soon as its last answer arrived.
 */
public final class LoadGenerator implements AutoCloseable {

    /** Most requests outstanding in an open-model step of a full run. */
    public static final int MAX_IN_FLIGHT = 256;

    /** Told about every answer, e.g. to note when an event was accepted. */
    public interface Listener {
        /** Called once per request with its sequence number, HTTP status (0 on I/O error) and body. */
        void completed(long seq, int status, String body);

        /** A listener that ignores everything. */
        Listener NONE = (seq, status, body) -> { };
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int maxInFlight;
    private final Consumer<Supplier<String>> status;

    /** At most {@code maxInFlight} outstanding open-model requests; {@code status} is given each step's progress text. */
    public LoadGenerator(int maxInFlight, Consumer<Supplier<String>> status) {
        this.maxInFlight = maxInFlight;
        this.status = status;
    }

    /** Sends {@code rate} requests per second for {@code duration}, on schedule. */
    public LoadResult open(String label, LongFunction<HttpRequest> requests, double rate, Duration duration,
                           Listener listener) {
        LoadRun run = new LoadRun(label, listener);
        status.accept(run::status);
        Semaphore permits = new Semaphore(maxInFlight);
        long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long seq = i;
            long due = start + (long) (i * periodNanos);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            permits.acquireUninterruptibly();
            run.sent();
            client.sendAsync(requests.apply(seq), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        run.record(seq, due, response, error);
                        permits.release();
                    });
        }
        permits.acquireUninterruptibly(maxInFlight);
        return run.result(rate, maxInFlight, start);
    }

    /** {@code clients} concurrent senders for {@code duration} or until {@code maxRequests} were sent. */
    public LoadResult closed(String label, LongFunction<HttpRequest> requests, int clients, Duration duration,
                             long maxRequests, Listener listener) {
        LoadRun run = new LoadRun(label, listener);
        status.accept(run::status);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                senders.submit(() -> sendUntil(run, requests, next, end, maxRequests));
            }
        }
        return run.result(0, clients, start);
    }

    private void sendUntil(LoadRun run, LongFunction<HttpRequest> requests, AtomicLong next, long end, long max) {
        long seq;
        while (System.nanoTime() < end && (seq = next.getAndIncrement()) < max) {
            long sentAt = System.nanoTime();
            run.sent();
            try {
                run.record(seq, sentAt, client.send(requests.apply(seq), HttpResponse.BodyHandlers.ofString()), null);
            } catch (IOException e) {
                run.record(seq, sentAt, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
