package io.eventflow.web.security;

import java.time.Duration;

import io.eventflow.web.Problems;
import jakarta.ws.rs.core.Response;

/** The 401, 403 and 429 problem responses: each says which header to send, what is missing or how long to wait. */
final class SecurityProblems {

    private static final String HOW = "Send your API key in the X-API-Key header or as 'Authorization: Bearer <key>'.";
    private static final String CHALLENGE = "Bearer realm=\"eventflow\"";

    private SecurityProblems() {
    }

    static Response missingKey() {
        return Response.fromResponse(Problems.problem(Response.Status.UNAUTHORIZED, "API key required",
                        "This endpoint needs an API key. " + HOW + " Ask the operator of this service for a key."))
                .header("WWW-Authenticate", CHALLENGE).build();
    }

    static Response invalidKey(String header) {
        return Response.fromResponse(Problems.problem(Response.Status.UNAUTHORIZED, "Invalid API key",
                        "The API key sent in " + header + " is not valid. Check it for typos or ask the operator "
                                + "for a new one. " + HOW))
                .header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"").build();
    }

    static Response missingScope(ApiKey key, Scope needed) {
        return Response.fromResponse(Problems.problem(Response.Status.FORBIDDEN, "Scope required",
                        "API key '" + key.name() + "' may not do this: this route needs the '" + needed.id()
                                + "' scope. Ask the operator for a key with it."))
                .header("WWW-Authenticate", CHALLENGE + ", error=\"insufficient_scope\", scope=\"" + needed.id() + "\"")
                .build();
    }

    static Response crossSite() {
        return Problems.problem(Response.Status.FORBIDDEN, "Cross-site request refused",
                "A request that changes state must not be one a web page could send cross-site: send it with "
                        + "'Content-Type: application/json' or an X-API-Key, Authorization or X-Requested-With header.");
    }

    static Response tooManyFailures(AuthFailureThrottle throttle, Duration wait) {
        long seconds = seconds(wait);
        return Response.fromResponse(Problems.problem(Response.Status.TOO_MANY_REQUESTS,
                        "Too many failed authentication attempts", "Your address sent more than "
                                + throttle.failuresPerMinute() + " wrong API keys a minute. Retry after " + seconds
                                + " seconds with a valid key."))
                .header("Retry-After", String.valueOf(seconds)).build();
    }

    static Response tooManyRequests(String keyName, RateLimiter limiter, Duration wait) {
        long seconds = seconds(wait);
        return Response.fromResponse(Problems.problem(Response.Status.TOO_MANY_REQUESTS, "Too many requests",
                        "API key '" + keyName + "' may send " + limiter.perMinute() + " requests a minute, in bursts "
                                + "of at most " + limiter.burst() + ". Retry after " + seconds + " seconds."))
                .header("Retry-After", String.valueOf(seconds)).build();
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
