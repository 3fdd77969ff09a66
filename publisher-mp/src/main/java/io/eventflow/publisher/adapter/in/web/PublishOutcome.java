package io.eventflow.publisher.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.eventflow.schemas.Violation;
import io.eventflow.web.Problems;
import jakarta.ws.rs.core.Response;

/** What became of one submitted event: accepted, rejected as invalid, or not taken by the broker. */
sealed interface PublishOutcome {

    /** Seconds a client should wait before retrying an event the broker did not take. */
    String RETRY_AFTER_SECONDS = "5";

    /** The HTTP status of this outcome on its own. */
    int status();

    /** The outcome as one entry of a batch answer. */
    Map<String, Object> asItem();

    /** The outcome as the answer to a single-event request. */
    Response asResponse();

    /** The broker acknowledged the event. */
    record Accepted(UUID eventId) implements PublishOutcome {
        @Override
        public int status() {
            return 202;
        }

        @Override
        public Map<String, Object> asItem() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("status", status());
            item.put("event_id", eventId.toString());
            return item;
        }

        @Override
        public Response asResponse() {
            return Response.accepted(Map.of("message", "Event published", "event_id", eventId.toString())).build();
        }
    }

    /**
     * The event is refused: invalid (422), or too large (413); the violations name every offending field and,
     * for a limit, the limit.
     */
    record Rejected(int status, String title, List<Violation> violations) implements PublishOutcome {

        /** An invalid event: 422. */
        Rejected(String title, List<Violation> violations) {
            this(422, title, violations);
        }

        /** An event over a size limit: 413. */
        static Rejected tooLarge(String title, Violation violation) {
            return new Rejected(413, title, List.of(violation));
        }

        @Override
        public Map<String, Object> asItem() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("status", status);
            item.put("title", title);
            item.put("errors", errors());
            return item;
        }

        @Override
        public Response asResponse() {
            if (status == 422) {
                return Problems.unprocessable(title, errors());
            }
            Map<String, Object> body = Problems.body(status, title, violations.stream()
                    .map(v -> (v.field().isEmpty() ? "body" : v.field()) + " " + v.reason())
                    .collect(Collectors.joining("; ")));
            body.put("errors", errors());
            return Response.status(status).type(Problems.PROBLEM_JSON).entity(body).build();
        }

        private List<Map<String, String>> errors() {
            return violations.stream()
                    .map(v -> Map.of("field", v.field(), "pointer", v.pointer(), "reason", v.reason())).toList();
        }
    }

    /** The broker did not acknowledge the event in time: nothing was accepted, the client may retry. */
    record Unavailable() implements PublishOutcome {
        private static final String DETAIL =
                "The event broker did not acknowledge the event, so it was not accepted. Retry later.";

        @Override
        public int status() {
            return 503;
        }

        @Override
        public Map<String, Object> asItem() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("status", status());
            item.put("title", "Event not accepted");
            item.put("detail", DETAIL);
            return item;
        }

        @Override
        public Response asResponse() {
            return Response.fromResponse(Problems.problem(Response.Status.SERVICE_UNAVAILABLE, "Event not accepted",
                    DETAIL)).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
    }
}
