package io.eventflow.web.security;

import java.util.logging.Logger;

import io.eventflow.web.CorrelationIdFilter;
import io.eventflow.web.LogSafe;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Limits each API key to its token bucket: over the limit the answer is 429 with {@code Retry-After}.
 * Runs after {@link ApiKeyFilter}; requests without a key (keys off, open paths) are not limited. The metric
 * {@code rate_limited_requests} is labelled with the key's opaque id ({@link ApiKey#id()}), never its name.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Logger LOGGER = Logger.getLogger(RateLimitFilter.class.getName());

    private final RateLimiter limiter;
    private final MetricRegistry metrics;

    /** Creates the filter. */
    @Inject
    public RateLimitFilter(RateLimiter limiter, MetricRegistry metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(ApiKeyFilter.KEY_PROPERTY) instanceof ApiKey key)) {
            return;
        }
        limiter.tryAcquire(key.name()).ifPresent(wait -> {
            metrics.counter("rate_limited_requests", new Tag("key_id", key.id())).inc();
            LOGGER.fine(() -> "Rate limited: key_id=" + key.id() + " path="
                    + LogSafe.escape(request.getUriInfo().getPath()) + " correlation_id="
                    + CorrelationIdFilter.correlationId(request));
            request.abortWith(SecurityProblems.tooManyRequests(key.name(), limiter, wait));
        });
    }
}
