package io.eventflow.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the clients send in one scenario: requests ("units") of one event (to {@code /analytics} or
 * {@code /chemical}) or a JSON batch (to {@code /batch}), each with its own {@code Idempotency-Key} and its
 * planned send time. Every event carries a sequence number ({@code chaos_seq}) in its free-form part
 * ({@code metadata} or {@code data}), so a duplicate effect shows in the tables even under a different event id.
 */
final class LoadPlan {

    static final int BATCH_SIZE = 25;
    private static final int UNITS_PER_CYCLE = 6;
    private static final String[] FORMULAS = {"H2O", "C6H12O6", "NaCl", "C2H5OH", "CO2", "CH4"};
    private static final String[] EVENT_TYPES = {"page_view", "click", "purchase", "login", "search"};

    /** One logical event: its sequence number and type. */
    record Event(long seq, String type) {
    }

    /**
     * One request.
     *
     * @param path           where it is posted
     * @param idempotencyKey the key sent with every attempt, so a retry gets the same event id(s)
     * @param events         the events it carries (one, or a batch in order)
     * @param body           the JSON body
     * @param dueNanos       when it is planned, in nanoseconds after the load starts
     */
    record Unit(String path, String idempotencyKey, List<Event> events, String body, long dueNanos) {

        /** Whether this is a batch (answered 207 with one result per event). */
        boolean batch() {
            return path.endsWith("/batch");
        }
    }

    private final List<Unit> units;
    private final int events;

    private LoadPlan(List<Unit> units, int events) {
        this.units = units;
        this.events = events;
    }

    /**
     * Plans {@code events} events sent at {@code rate} events per second: of every six requests, five are single
     * events (one in five chemical) and one is a batch of {@value #BATCH_SIZE} mixed events.
     */
    static LoadPlan of(int events, int rate) {
        List<Unit> units = new ArrayList<>();
        long seq = 0;
        int index = 0;
        while (seq < events) {
            long due = seq * 1_000_000_000L / rate;
            if (index % UNITS_PER_CYCLE == UNITS_PER_CYCLE - 1) {
                int size = (int) Math.min(BATCH_SIZE, events - seq);
                List<Event> batch = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    batch.add(new Event(seq + i, (seq + i) % 5 == 0 ? "chemical_research" : "user_analytics"));
                }
                units.add(new Unit("/api/v1/events/batch", UUID.randomUUID().toString(), List.copyOf(batch),
                        batchBody(batch), due));
                seq += size;
            } else {
                Event event = new Event(seq, index % 5 == 0 ? "chemical_research" : "user_analytics");
                String path = event.type().equals("chemical_research") ? "/api/v1/events/chemical"
                        : "/api/v1/events/analytics";
                units.add(new Unit(path, UUID.randomUUID().toString(), List.of(event), body(event, false), due));
                seq++;
            }
            index++;
        }
        return new LoadPlan(List.copyOf(units), events);
    }

    /** The requests in planned order. */
    List<Unit> units() {
        return units;
    }

    /** How many events the plan holds. */
    int events() {
        return events;
    }

    private static String batchBody(List<Event> batch) {
        StringBuilder body = new StringBuilder("[");
        for (Event event : batch) {
            body.append(body.length() > 1 ? "," : "").append(body(event, true));
        }
        return body.append(']').toString();
    }

    private static String body(Event event, boolean typed) {
        String type = typed ? "\"type\":\"" + event.type() + "\"," : "";
        long seq = event.seq();
        if (event.type().equals("chemical_research")) {
            // few molecules: several events per key, so per-key ordering is exercised too
            return """
                    {%s"molecule_id":"mol-%d","researcher":"Dr. Chaos %d","data":{"formula":"%s","chaos_seq":"%d"},\
                    "timestamp":"2024-01-01T12:00:00Z"}""".formatted(type, seq % 40, seq % 7,
                    FORMULAS[(int) (seq % FORMULAS.length)], seq);
        }
        return """
                {%s"user_id":"user-%d","event_type":"%s","timestamp":"2024-01-01T12:00:00Z",\
                "metadata":{"chaos_seq":"%d"}}""".formatted(type, seq % 200, EVENT_TYPES[(int) (seq % EVENT_TYPES.length)],
                seq);
    }
}
