package io.eventflow.subscriber.adapter.in.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The old service's liveness probe: {@code curl localhost:8081/healthz}. MicroProfile Health serves
 * {@code /health/live} and {@code /health/ready}.
 */
@Path("/healthz")
@ApplicationScoped
public class HealthzResource {

    private final String version;

    /** Creates the resource. */
    @Inject
    public HealthzResource(@ConfigProperty(name = "eventflow.version") String version) {
        this.version = version;
    }

    /** {@code {"status":"ok","service":"event_subscriber","version":"..."}} (the old body plus the version). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> healthz() {
        return Map.of("status", "ok", "service", "event_subscriber", "version", version);
    }
}
