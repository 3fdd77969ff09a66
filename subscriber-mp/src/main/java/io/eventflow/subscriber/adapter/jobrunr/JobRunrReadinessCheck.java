package io.eventflow.subscriber.adapter.jobrunr;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jobrunr.storage.JobStats;

/** Ready while JobRunr's storage answers and, where this process runs jobs, a job server is alive. */
@Readiness
@ApplicationScoped
class JobRunrReadinessCheck implements HealthCheck {

    private final JobStatsCache stats;
    private final boolean serverEnabled;
    private final Duration heartbeatTimeout;

    @Inject
    JobRunrReadinessCheck(JobStatsCache stats,
                          @ConfigProperty(name = "eventflow.jobs.server.enabled") boolean serverEnabled,
                          @ConfigProperty(name = "eventflow.jobs.poll-interval-seconds") int pollIntervalSeconds) {
        this.stats = stats;
        this.serverEnabled = serverEnabled;
        // JobRunr itself declares a server dead after 4 poll intervals without a heartbeat
        this.heartbeatTimeout = Duration.ofSeconds(4L * pollIntervalSeconds);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("jobrunr");
        try {
            JobStats current = stats.current();
            long servers = stats.liveServers(heartbeatTimeout);
            return response.withData("enqueued", current.getEnqueued())
                    .withData("processing", current.getProcessing())
                    .withData("failed", current.getFailed())
                    .withData("servers", servers)
                    .status(!serverEnabled || servers > 0)
                    .build();
        } catch (RuntimeException e) {
            return response.withData("error", "job storage unreachable: " + e.getClass().getSimpleName()).down().build();
        }
    }
}
