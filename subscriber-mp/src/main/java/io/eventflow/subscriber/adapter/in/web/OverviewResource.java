package io.eventflow.subscriber.adapter.in.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.eventflow.subscriber.application.port.in.QueryEventOverviewUseCase;
import io.eventflow.subscriber.domain.EventOverview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The flow at a glance, what the operator console at {@code /console} shows: events per type and status, the
 * consumer lag, the age of the oldest unfinished event, the records in the dead-letter topic, the most recently
 * failed events, and where the JobRunr dashboard is. Needs a key with the {@code read} scope.
 * <pre>
 * curl -H "X-API-Key: $KEY" localhost:8081/api/v1/overview
 * </pre>
 */
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearerKey")
@APIResponse(responseCode = "401", description = "The API key is missing or not valid (problem details)")
@APIResponse(responseCode = "403", description = "The API key lacks the 'read' scope (problem details)")
@Path("/api/v1/overview")
@ApplicationScoped
public class OverviewResource {

    private static final int FAILURES_SHOWN = 20;

    private final QueryEventOverviewUseCase overview;
    private final MetricRegistry metrics;
    private final Dashboard dashboard;

    /** Creates the resource. */
    @Inject
    public OverviewResource(QueryEventOverviewUseCase overview, MetricRegistry metrics,
                            @ConfigProperty(name = "eventflow.dashboard.enabled", defaultValue = "true")
                            boolean dashboardEnabled,
                            @ConfigProperty(name = "eventflow.dashboard.port", defaultValue = "8000") int dashboardPort,
                            @ConfigProperty(name = "eventflow.console.dashboard-url") Optional<String> dashboardUrl) {
        this.overview = overview;
        this.metrics = metrics;
        this.dashboard = new Dashboard(dashboardEnabled, dashboardPort, dashboardUrl.orElse(null));
    }

    /** The overview, as of now. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public View get() {
        EventOverview now = overview.overview(FAILURES_SHOWN);
        return new View(Instant.now().toString(),
                now.counts().stream().map(c -> new Count(c.type(), c.status(), c.count())).toList(),
                gauge("kafka_consumer_lag"), gauge("eventflow_oldest_unfinished_event_age_seconds"),
                gauge("dead_letter_records"),
                now.recentFailures().stream().map(f -> new Failure(f.eventId(), f.type(), f.error(),
                        f.retryCount(), iso(f.failedAt()))).toList(),
                dashboard);
    }

    // the same figures /metrics shows, read from the registry so that console and Prometheus agree
    private Long gauge(String name) {
        Gauge<?> gauge = metrics.getGauge(new MetricID(name));
        if (gauge == null || !(gauge.getValue() instanceof Number value) || value.longValue() < 0) {
            return null;
        }
        return value.longValue();
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** The overview's JSON: unknown figures (a gauge not registered, the broker away) are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(@JsonProperty("generated_at") String generatedAt, List<Count> counts,
                       @JsonProperty("consumer_lag") Long consumerLag,
                       @JsonProperty("oldest_unfinished_age_seconds") Long oldestUnfinishedAgeSeconds,
                       @JsonProperty("dead_letters") Long deadLetters,
                       @JsonProperty("recent_failures") List<Failure> recentFailures,
                       @JsonProperty("jobrunr_dashboard") Dashboard jobrunrDashboard) {
    }

    /** Events of one type in one status. */
    public record Count(String type, String status, long count) {
    }

    /** A failed event. */
    public record Failure(@JsonProperty("event_id") UUID eventId, String type, String error,
                          @JsonProperty("retry_count") int retryCount, @JsonProperty("failed_at") String failedAt) {
    }

    /** Where the JobRunr dashboard is: its port on this host, or a configured URL (behind an ingress). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dashboard(boolean enabled, int port, String url) {
    }
}
