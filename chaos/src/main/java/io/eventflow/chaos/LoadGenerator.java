package io.eventflow.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Several client threads sending a {@link LoadPlan} to the publisher at its planned pace, as a careful client
 * would: only a 202 (alone, or inside a 207 batch answer) counts as accepted, and a request that meets a 503, a
 * 429, a refused or broken connection or a time-out is sent again later with the same {@code Idempotency-Key}
 * (so it gets the same event ids), until the retry deadline set after the fault is healed.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final LoadPlan plan;
    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final DelayQueue<Attempt> queue = new DelayQueue<>();
    private final List<Thread> clients = new ArrayList<>();
    private final Map<UUID, LoadPlan.Event> accepted = new ConcurrentHashMap<>();
    private final Map<Long, Set<UUID>> idsPerEvent = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong givenUpEvents = new AtomicLong();
    private final AtomicLong rejectedEvents = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private volatile long retryDeadlineNanos = Long.MAX_VALUE;
    private long startNanos;

    LoadGenerator(LoadPlan plan, String baseUrl, String apiKey) {
        this.plan = plan;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** Starts {@code clientCount} client threads; the plan's clock starts now. */
    void start(int clientCount) {
        startNanos = System.nanoTime();
        for (LoadPlan.Unit unit : plan.units()) {
            queue.add(new Attempt(unit, startNanos + unit.dueNanos(), 0));
        }
        open.set(plan.units().size());
        for (int i = 0; i < clientCount; i++) {
            Thread client = new Thread(this::sendUntilDone, "chaos-client-" + i);
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
    }

    /** From now on, a request still failing {@code window} from now is given up (its events not accepted). */
    void stopRetryingAfter(Duration window) {
        retryDeadlineNanos = System.nanoTime() + window.toNanos();
    }

    /** Waits until every request is answered or given up; returns whether that happened in time. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread client : clients) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            client.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (client.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** The events answered 202, by event id. */
    Map<UUID, LoadPlan.Event> accepted() {
        return Map.copyOf(accepted);
    }

    /** How many distinct event ids were answered 202 so far. */
    int acceptedCount() {
        return accepted.size();
    }

    /** Planned events that were answered 202 under more than one event id (each would be a duplicate effect). */
    long eventsWithSeveralIds() {
        return idsPerEvent.values().stream().filter(ids -> ids.size() > 1).count();
    }

    /** Requests that are neither answered nor given up yet. */
    int openRequests() {
        return open.get();
    }

    /** A one-line account of what the clients did. */
    String summary() {
        return "%,d requests, %,d retries, %,d events given up after the retry window, %,d rejected (4xx); failures %s"
                .formatted(requests.get(), retries.get(), givenUpEvents.get(), rejectedEvents.get(), failures);
    }

    /** Events not accepted because their request kept failing past the retry window. */
    long givenUpEvents() {
        return givenUpEvents.get();
    }

    /** Events the publisher refused with a 4xx other than 429 (a harness bug, never a fault's effect). */
    long rejectedEvents() {
        return rejectedEvents.get();
    }

    private void sendUntilDone() {
        try {
            while (open.get() > 0) {
                Attempt attempt = queue.poll(200, TimeUnit.MILLISECONDS);
                if (attempt != null) {
                    send(attempt);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Attempt attempt) {
        LoadPlan.Unit unit = attempt.unit();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + unit.path()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .header("Idempotency-Key", unit.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(unit.body()))
                .build();
        requests.incrementAndGet();
        String failure;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            failure = handle(unit, response);
        } catch (IOException e) {
            failure = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure == null) {
            open.decrementAndGet();
            return;
        }
        failures.computeIfAbsent(failure, key -> new AtomicLong()).incrementAndGet();
        if (failure.startsWith("rejected")) {
            open.decrementAndGet();
        } else if (System.nanoTime() > retryDeadlineNanos) {
            givenUpEvents.addAndGet(unit.events().stream().filter(this::notAccepted).count());
            open.decrementAndGet();
        } else {
            retries.incrementAndGet();
            long backoff = Math.min(MAX_BACKOFF_NANOS, TimeUnit.MILLISECONDS.toNanos(500L << Math.min(attempt.tries(), 4)));
            queue.add(new Attempt(unit, System.nanoTime() + backoff, attempt.tries() + 1));
        }
    }

    /** Records what was accepted; returns null when the request is done, or what failed (to retry or reject). */
    private String handle(LoadPlan.Unit unit, HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        if (!unit.batch() && status == 202) {
            accept(json.readTree(response.body()).path("event_id").asText(), unit.events().getFirst());
            return null;
        }
        if (unit.batch() && status == 207) {
            String failure = null;
            for (JsonNode result : json.readTree(response.body()).path("results")) {
                int itemStatus = result.path("status").asInt();
                LoadPlan.Event event = unit.events().get(result.path("index").asInt());
                if (itemStatus == 202) {
                    accept(result.path("event_id").asText(), event);
                } else if (itemStatus >= 400 && itemStatus < 500 && itemStatus != 429) {
                    rejectedEvents.incrementAndGet();
                } else {
                    // the broker did not take this one: the whole batch goes again with the same key
                    failure = "batch item " + itemStatus;
                }
            }
            return failure;
        }
        if (status >= 400 && status < 500 && status != 429 && status != 408) {
            rejectedEvents.addAndGet(unit.events().size());
            return "rejected " + status;
        }
        return "HTTP " + status;
    }

    private void accept(String eventId, LoadPlan.Event event) {
        UUID id = UUID.fromString(eventId);
        accepted.put(id, event);
        idsPerEvent.computeIfAbsent(event.seq(), seq -> ConcurrentHashMap.newKeySet()).add(id);
    }

    private boolean notAccepted(LoadPlan.Event event) {
        return !idsPerEvent.containsKey(event.seq());
    }

    /** Stops the client threads. */
    @Override
    public void close() {
        open.set(0);
        clients.forEach(Thread::interrupt);
        http.close();
    }

    /** A request due at {@code dueNanos} ({@link System#nanoTime()}), after {@code tries} failed attempts. */
    private record Attempt(LoadPlan.Unit unit, long dueNanos, int tries) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Attempt) other).dueNanos);
        }
    }
}
