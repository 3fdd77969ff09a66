package io.eventflow.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The old services' liveness probe, {@code curl localhost:8080/healthz}, answering with the service's
 * contract name ({@code eventflow.service-name}). MicroProfile Health serves {@code /health/live} and
 * {@code /health/ready}.
 */
@Path("/healthz")
@ApplicationScoped
public class HealthzResource {

    private final Map<String, String> body;

    /** Creates the resource. */
    @Inject
    public HealthzResource(@ConfigProperty(name = "eventflow.service-name") String service,
                           @ConfigProperty(name = "eventflow.version") String version) {
        this.body = Map.of("status", "ok", "service", service, "version", version);
    }

    /** {@code {"status":"ok","service":"event_publisher","version":"..."}}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> healthz() {
        return body;
    }
}
