package io.eventflow.subscriber.adapter.jobrunr;

import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jobrunr.storage.JobStats;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/** JobRunr's job counts by state as {@code jobrunr_jobs{state=...}} gauges on {@code /metrics}. */
@ApplicationScoped
class JobRunrMetrics {

    private final JobStatsCache stats;
    private final MetricRegistry registry;

    @Inject
    JobRunrMetrics(JobStatsCache stats, MetricRegistry registry) {
        this.stats = stats;
        this.registry = registry;
    }

    void register(@Observes @Priority(APPLICATION) @Initialized(ApplicationScoped.class) Object event) {
        gauge("scheduled", JobStats::getScheduled);
        gauge("enqueued", JobStats::getEnqueued);
        gauge("processing", JobStats::getProcessing);
        gauge("failed", JobStats::getFailed);
        gauge("succeeded", JobStats::getSucceeded);
        gauge("all_time_succeeded", JobStats::getAllTimeSucceeded);
    }

    private void gauge(String state, Function<JobStats, Long> count) {
        registry.gauge("jobrunr_jobs", () -> {
            try {
                return count.apply(stats.current());
            } catch (RuntimeException e) {
                return -1L;
            }
        }, new Tag("state", state));
    }
}
