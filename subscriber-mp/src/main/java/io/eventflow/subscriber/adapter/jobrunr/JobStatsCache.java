package io.eventflow.subscriber.adapter.jobrunr;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobrunr.storage.JobStats;
import org.jobrunr.storage.StorageProvider;

/** JobRunr's job counts, read from the database at most once per second for health and metrics. */
@ApplicationScoped
class JobStatsCache {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private final StorageProvider storageProvider;
    private volatile JobStats stats;
    private volatile Instant readAt = Instant.EPOCH;

    @Inject
    JobStatsCache(StorageProvider storageProvider) {
        this.storageProvider = storageProvider;
    }

    /** The latest counts; throws if the database cannot be read. */
    JobStats current() {
        Instant now = Instant.now();
        if (stats == null || readAt.plus(MAX_AGE).isBefore(now)) {
            stats = storageProvider.getJobStats();
            readAt = now;
        }
        return stats;
    }

    /** JobRunr's background job servers with a recent heartbeat. */
    long liveServers(Duration heartbeatTimeout) {
        Instant oldest = Instant.now().minus(heartbeatTimeout);
        return storageProvider.getBackgroundJobServers().stream()
                .filter(server -> server.isRunning() && server.getLastHeartbeat().isAfter(oldest))
                .count();
    }
}
