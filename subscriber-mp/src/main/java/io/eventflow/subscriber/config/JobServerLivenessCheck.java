package io.eventflow.subscriber.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while this process's JobRunr job server runs, or is stopped only until the database answers again (the
 * {@link JobServerWatchdog} starts it then), or the process runs no jobs. DOWN once starting it again has not helped,
 * so that the supervisor (Kubernetes, {@code ./eventflow run}) restarts the process instead of leaving its events
 * waiting.
 */
@Liveness
@ApplicationScoped
class JobServerLivenessCheck implements HealthCheck {

    private final JobRunrLifecycle lifecycle;

    @Inject
    JobServerLivenessCheck(JobRunrLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("job-server");
        return lifecycle.jobServerFailure()
                .map(reason -> response.withData("stopped", reason + "; restart the process").down().build())
                .orElseGet(() -> response.up().build());
    }
}
