package io.eventflow.web.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import io.eventflow.web.CorrelationIdFilter;
import io.eventflow.web.LogSafe;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The API-key check of both services. A request reaches a resource only with a configured key, sent as
 * {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}, whose scopes include the one the route needs
 * ({@link RouteScopes}); otherwise 401 (no or wrong key), 403 (missing scope) or 429 (too many wrong keys from the
 * client's address) as problem details. On success the request's {@code SecurityContext} names the key as its
 * principal and answers {@code isUserInRole(scope)}.
 *
 * <p>{@code /healthz} and CORS preflights stay open; {@code /health}, {@code /metrics} and {@code /openapi} are served
 * outside JAX-RS and never get here. Runs after routing, so an unknown route is still a 404. With keys off
 * ({@code eventflow.security.enabled=false}) a state-changing request must still be one a browser would not send
 * cross-site without a CORS preflight (a JSON content type or a custom header), else 403.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiKeyFilter implements ContainerRequestFilter {

    /** Request property holding the name of the key that authenticated the request. */
    public static final String KEY_NAME_PROPERTY = "eventflow.apiKeyName";
    /** Request property holding the {@link ApiKey} that authenticated the request. */
    public static final String KEY_PROPERTY = "eventflow.apiKey";
    /** The API key header. */
    public static final String HEADER = "X-API-Key";
    // set by Helidon's JAX-RS integration from the connection's peer (never from a header a client could forge)
    private static final String REMOTE_HOST = "io.helidon.jaxrs.remote-host";
    private static final Logger LOGGER = Logger.getLogger(ApiKeyFilter.class.getName());
    private static final Set<String> OPEN_PATHS = Set.of("healthz");
    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    // content types a cross-site HTML form or a "simple" fetch may send without a CORS preflight
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");
    // any of these makes a request non-simple: a browser asks the server (CORS preflight) before sending it
    private static final List<String> CUSTOM_HEADERS = List.of(HEADER, "Authorization", "X-Requested-With",
            "Idempotency-Key", "ce-specversion");
    private static final String BEARER = "bearer ";

    private final ApiKeyPolicy policy;
    private final RouteScopes scopes;
    private final AuthFailureThrottle throttle;
    private final MetricRegistry metrics;

    /** Creates the filter. */
    @Inject
    public ApiKeyFilter(ApiKeyPolicy policy, RouteScopes scopes, AuthFailureThrottle throttle,
                        MetricRegistry metrics) {
        this.policy = policy;
        this.scopes = scopes;
        this.throttle = throttle;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isOpen(request)) {
            return;
        }
        if (!policy.required()) {
            if (couldComeCrossSite(request)) {
                reject(request, "cross_site");
                request.abortWith(SecurityProblems.crossSite());
            }
            return;
        }
        String client = clientAddress(request);
        Optional<Duration> blocked = throttle.blocked(client);
        if (blocked.isPresent()) {
            reject(request, "throttled");
            request.abortWith(SecurityProblems.tooManyFailures(throttle, blocked.get()));
            return;
        }
        Optional<Credential> credential = credential(request);
        if (credential.isEmpty()) {
            reject(request, "missing");
            request.abortWith(SecurityProblems.missingKey());
            return;
        }
        Optional<ApiKey> key = policy.keys().find(credential.get().key());
        if (key.isEmpty()) {
            throttle.failed(client);
            reject(request, "invalid");
            request.abortWith(SecurityProblems.invalidKey(credential.get().header()));
            return;
        }
        Scope needed = scopes.required(request.getMethod(), relativePath(request));
        if (!key.get().may(needed)) {
            reject(request, "scope");
            request.abortWith(SecurityProblems.missingScope(key.get(), needed));
            return;
        }
        request.setProperty(KEY_PROPERTY, key.get());
        request.setProperty(KEY_NAME_PROPERTY, key.get().name());
        request.setSecurityContext(new KeySecurityContext(key.get(), request.getSecurityContext().isSecure(),
                credential.get().scheme()));
    }

    /** True for a state-changing request that a web page on another site could have sent without a preflight. */
    static boolean couldComeCrossSite(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        for (String header : CUSTOM_HEADERS) {
            if (request.getHeaderString(header) != null) {
                return false;
            }
        }
        MediaType type = request.getMediaType();
        return type == null || SIMPLE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }

    private static boolean isOpen(ContainerRequestContext request) {
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaderString("Origin") != null
                && request.getHeaderString("Access-Control-Request-Method") != null;
        return preflight || OPEN_PATHS.contains(relativePath(request));
    }

    private static String relativePath(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String clientAddress(ContainerRequestContext request) {
        return request.getProperty(REMOTE_HOST) instanceof String host ? host : "unknown";
    }

    private static Optional<Credential> credential(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key != null && !key.isBlank()) {
            return Optional.of(new Credential(HEADER, "X-API-Key", key.strip()));
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                && !authorization.substring(BEARER.length()).isBlank()) {
            String bearer = authorization.substring(BEARER.length()).strip();
            return Optional.of(new Credential("Authorization: Bearer", "Bearer", bearer));
        }
        return Optional.empty();
    }

    private void reject(ContainerRequestContext request, String reason) {
        // the reason only: key names (or keys) never become metric labels
        metrics.counter("api_key_rejections", new Tag("reason", reason)).inc();
        // FINE: a client hammering with bad keys must not flood the log; the counter shows it
        LOGGER.fine(() -> "Rejected request: " + reason + ", method=" + LogSafe.escape(request.getMethod())
                + " path=" + LogSafe.escape(request.getUriInfo().getPath()) + " client="
                + LogSafe.escape(clientAddress(request)) + " correlation_id="
                + CorrelationIdFilter.correlationId(request));
    }

    private record Credential(String header, String scheme, String key) {
    }
}
