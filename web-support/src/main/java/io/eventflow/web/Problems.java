package io.eventflow.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds RFC 9457 problem details ({@code application/problem+json}) responses. */
public final class Problems {

    /** {@code application/problem+json}. */
    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    private Problems() {
    }

    /** A problem with a title and a detail that tells the client what to do. */
    public static Response problem(Response.Status status, String title, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status.getStatusCode(), title, detail)).build();
    }

    /** 422 listing every offending field ({@code field}, {@code pointer}, {@code reason}) of a request. */
    public static Response unprocessable(String title, List<Map<String, String>> errors) {
        Map<String, Object> body = body(422, title, errors.stream()
                .map(e -> (e.get("field").isEmpty() ? "body" : e.get("field")) + " " + e.get("reason"))
                .collect(Collectors.joining("; ")));
        body.put("errors", errors);
        return Response.status(422).type(PROBLEM_JSON).entity(body).build();
    }

    /** The members every problem has: type, title, status, detail. */
    public static Map<String, Object> body(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
