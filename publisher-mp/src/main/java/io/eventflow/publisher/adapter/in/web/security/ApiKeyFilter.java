package io.eventflow.publisher.adapter.in.web.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import io.eventflow.web.CorrelationIdFilter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Lets a request reach a resource only with a configured API key, sent as {@code X-API-Key: <key>} or
 * {@code Authorization: Bearer <key>}; otherwise 401 problem details. {@code /healthz} and CORS preflights stay
 * open; {@code /health}, {@code /metrics} and {@code /openapi} are served outside JAX-RS and never get here.
 * Runs after routing, so an unknown route is still a 404.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiKeyFilter implements ContainerRequestFilter {

    /** Request property holding the name of the key that authenticated the request. */
    public static final String KEY_NAME_PROPERTY = "eventflow.apiKeyName";
    /** The API key header. */
    public static final String HEADER = "X-API-Key";
    private static final Logger LOGGER = Logger.getLogger(ApiKeyFilter.class.getName());
    private static final Set<String> OPEN_PATHS = Set.of("healthz");
    private static final String BEARER = "bearer ";

    private final ApiKeyPolicy policy;
    private final MetricRegistry metrics;

    /** Creates the filter. */
    @Inject
    public ApiKeyFilter(ApiKeyPolicy policy, MetricRegistry metrics) {
        this.policy = policy;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!policy.required() || isOpen(request)) {
            return;
        }
        Optional<Credential> credential = credential(request);
        if (credential.isEmpty()) {
            reject(request, "missing");
            request.abortWith(SecurityProblems.missingKey());
            return;
        }
        Optional<String> name = policy.keys().nameOf(credential.get().key());
        if (name.isEmpty()) {
            reject(request, "invalid");
            request.abortWith(SecurityProblems.invalidKey(credential.get().header()));
            return;
        }
        request.setProperty(KEY_NAME_PROPERTY, name.get());
    }

    private static boolean isOpen(ContainerRequestContext request) {
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaderString("Origin") != null
                && request.getHeaderString("Access-Control-Request-Method") != null;
        String path = request.getUriInfo().getPath();
        return preflight || OPEN_PATHS.contains(path.startsWith("/") ? path.substring(1) : path);
    }

    private static Optional<Credential> credential(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key != null && !key.isBlank()) {
            return Optional.of(new Credential(HEADER, key.strip()));
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                && !authorization.substring(BEARER.length()).isBlank()) {
            String bearer = authorization.substring(BEARER.length()).strip();
            return Optional.of(new Credential("Authorization: Bearer", bearer));
        }
        return Optional.empty();
    }

    private void reject(ContainerRequestContext request, String reason) {
        metrics.counter("api_key_rejections", new Tag("reason", reason)).inc();
        // FINE: a client hammering with bad keys must not flood the log; the counter shows it
        LOGGER.fine(() -> "Rejected request: api key " + reason + ", method=" + request.getMethod() + " path="
                + request.getUriInfo().getPath() + " correlation_id=" + CorrelationIdFilter.correlationId(request));
    }

    private record Credential(String header, String key) {
    }
}
