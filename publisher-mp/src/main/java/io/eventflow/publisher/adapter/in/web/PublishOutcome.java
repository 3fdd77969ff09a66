package io.eventflow.publisher.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** The event is invalid; the violations name every offending field. */
    record Rejected(String title, List<Violation> violations) implements PublishOutcome {
        @Override
        public int status() {
            return 422;
        }

        @Override
        public Map<String, Object> asItem() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("status", status());
            item.put("title", title);
            item.put("errors", errors());
            return item;
        }

        @Override
        public Response asResponse() {
            return Problems.unprocessable(title, errors());
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
