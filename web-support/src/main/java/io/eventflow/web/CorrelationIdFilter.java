package io.eventflow.web;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Takes the caller's {@code X-Correlation-Id} (or makes one), returns it, adds the old service's
 * {@code X-Process-Time} header (seconds), and logs one line per failed request (per request with the logger
 * {@code io.eventflow.access} at FINE). Client-supplied values in that line pass through {@link LogSafe}, so a path
 * with {@code %0A} cannot forge a log line.
 */
@Provider
@ApplicationScoped
@PreMatching
public class CorrelationIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The correlation header, taken from the request and returned on the response. */
    public static final String HEADER = "X-Correlation-Id";
    private static final Logger LOGGER = Logger.getLogger("io.eventflow.access");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String ID_PROPERTY = "eventflow.correlationId";
    private static final String START_PROPERTY = "eventflow.startNanos";

    /** The request's correlation id (set before any resource runs). */
    public static String correlationId(ContainerRequestContext request) {
        return (String) request.getProperty(ID_PROPERTY);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        // an unsafe id (too long, control characters) is replaced so it cannot pollute logs or headers
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(ID_PROPERTY, id);
        request.setProperty(START_PROPERTY, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(ID_PROPERTY);
        Object start = request.getProperty(START_PROPERTY);
        long micros = start instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000 : 0;
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        response.getHeaders().putSingle("X-Process-Time", seconds(micros));
        int status = response.getStatus();
        // a line per failed request; successful ones only when the logger is set to FINE (one line each costs
        // about a tenth of the publisher's CPU at full load)
        LOGGER.log(status >= 400 ? Level.INFO : Level.FINE, () -> String.format(Locale.ROOT,
                "method=%s path=%s status=%d duration_ms=%.2f correlation_id=%s", LogSafe.escape(request.getMethod()),
                LogSafe.escape(request.getUriInfo().getPath()), status, micros / 1000.0, id));
    }

    /** Microseconds as seconds with six decimals, as the old service wrote {@code X-Process-Time}. */
    static String seconds(long micros) {
        String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        return micros / 1_000_000 + "." + fraction;
    }
}
