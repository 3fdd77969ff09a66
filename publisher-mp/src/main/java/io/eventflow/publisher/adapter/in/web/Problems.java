package io.eventflow.publisher.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.eventflow.schemas.Violation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds RFC 9457 problem details ({@code application/problem+json}) responses. */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    private Problems() {
    }

    /** A problem with a title and a detail that tells the client what to do. */
    static Response problem(Response.Status status, String title, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status.getStatusCode(), title, detail)).build();
    }

    /** 422 listing every offending field with its location and reason. */
    static Response invalidEvent(String title, List<Violation> violations) {
        Map<String, Object> body = body(422, title, violations.stream()
                .map(v -> (v.field().isEmpty() ? "body" : v.field()) + " " + v.reason())
                .collect(Collectors.joining("; ")));
        body.put("errors", violations.stream().map(v -> Map.of(
                "field", v.field(), "pointer", v.pointer(), "reason", v.reason())).toList());
        return Response.status(422).type(PROBLEM_JSON).entity(body).build();
    }

    static Map<String, Object> body(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
