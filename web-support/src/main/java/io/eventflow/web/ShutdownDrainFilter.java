package io.eventflow.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Drains a service on SIGTERM. The server stops accepting connections and gives the requests in flight its grace
 * period, but open keep-alive connections would go on bringing new requests until the grace ends and they are cut
 * off with a 500 (a full chaos run saw two, after the publisher had waited its whole 20 s). From the moment the JVM
 * begins to shut down, a request that arrives is answered 503 with {@code Retry-After} and every answer, also to the
 * requests in flight, closes its connection: clients reconnect elsewhere (or to the restarted service) and re-send,
 * and the server stops as soon as what it took is answered.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
@ApplicationScoped
public class ShutdownDrainFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static volatile boolean draining;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> draining = true, "eventflow-drain"));
    }

    /** Drains (true) as from the start of a shutdown, or stops draining; the JVM's shutdown hook sets it, tests too. */
    public static void setDraining(boolean value) {
        draining = value;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (draining) {
            request.abortWith(Response.fromResponse(Problems.problem(Response.Status.SERVICE_UNAVAILABLE,
                            "Shutting down", "This instance is stopping and takes no new requests; send the request "
                                    + "again (with the same Idempotency-Key, if it had one)"))
                    .header(HttpHeaders.RETRY_AFTER, "1").header("Connection", "close").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (draining) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
