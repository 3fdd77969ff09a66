package io.eventflow.bench;

import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

import io.eventflow.bench.load.EventBodies;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.load.Rates;
import io.eventflow.bench.platform.StoredEvents;
import io.eventflow.bench.report.Backlog;

/**
 * The load of a sustained window and of its warm-up: single events or batches from a few clients (closed model),
 * held by a {@link BacklogGate} ahead of the stored rows, noting when each request was accepted.
 */
final class GatedLoad {

    /** What a phase's load is sent to, and how. */
    record Shape(String endpoint, LongFunction<HttpRequest> requests, int eventsPerRequest, int clients) {

        /** Batches of {@code batchSize} from {@code batchClients}. */
        static Shape batches(EventBodies events, String publisher, Scale scale) {
            return new Shape("POST " + EventBodies.BATCH_PATH + ", " + scale.batchSize() + " events each, "
                    + scale.batchClients() + " clients", events.batches(publisher + EventBodies.BATCH_PATH,
                    scale.batchSize()), scale.batchSize(), scale.batchClients());
        }
    }

    /** What was sent in a window (counted in events), when each request was accepted, and how far it ran ahead. */
    record Sent(LoadResult result, Map<Long, Long> accepted, Backlog backlog) {
    }

    private static final Duration GATE_POLL = Duration.ofMillis(500);
    private final LoadGenerator load;
    private final StoredEvents store;
    private final long floor;

    GatedLoad(LoadGenerator load, StoredEvents store, long floor) {
        this.load = load;
        this.store = store;
        this.floor = floor;
    }

    /** Sends {@code shape}'s requests of {@code events} for {@code window}, never too far ahead of the stored rows. */
    Sent send(String label, Shape shape, EventBodies events, Duration window) throws SQLException {
        Map<Long, Long> accepted = new ConcurrentHashMap<>();
        LongAdder acceptedEvents = new LongAdder();
        long deadline = System.nanoTime() + window.toNanos();
        try (StoredEvents.Counter stored = store.counter(events.userIds());
             BacklogGate gate = new BacklogGate(stored::count, floor, deadline, GATE_POLL)) {
            LongFunction<HttpRequest> gated = seq -> {
                gate.awaitRoom();
                gate.sent(shape.eventsPerRequest());
                return shape.requests().apply(seq);
            };
            LoadResult result = load.closed(label, gated, shape.clients(), window, Long.MAX_VALUE, (seq, status, body) -> {
                if (accepted(accepted, seq, status)) {
                    acceptedEvents.add(shape.eventsPerRequest() == 1 ? 1 : BatchBenchmark.accepted(body));
                }
            });
            if (shape.eventsPerRequest() > 1) {
                result = new LoadResult(result.label(), 0, result.concurrency(), acceptedEvents.sum(),
                        result.failed() * shape.eventsPerRequest(), result.outcomes(), result.seconds(), result.latency());
            }
            return new Sent(result, accepted, gate.backlog());
        }
    }

    /** Notes when request {@code seq} was accepted, if it was (2xx); true if it was. */
    static boolean accepted(Map<Long, Long> accepted, long seq, int status) {
        boolean ok = status >= 200 && status < 300;
        if (ok) {
            accepted.put(seq, Rates.nowMicros());
        }
        return ok;
    }
}
