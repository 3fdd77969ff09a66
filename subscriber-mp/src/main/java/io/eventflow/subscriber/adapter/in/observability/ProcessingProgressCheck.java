package io.eventflow.subscriber.adapter.in.observability;

import java.time.Duration;
import java.util.Optional;

import io.eventflow.subscriber.adapter.in.messaging.EventConsumer;
import io.eventflow.subscriber.adapter.in.scheduling.StuckEventsReconciler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how far behind processing is: the age of the oldest record this process read and has not finished (not
 * yet committed) and the age of the oldest event not yet completed or failed. DOWN past
 * {@code eventflow.health.max-uncommitted-age-seconds} or {@code eventflow.health.max-unfinished-age-seconds}.
 *
 * <p>A readiness check, not a liveness one: what holds a record back is almost always outside the process - the
 * database or the broker away, a dead-letter topic refusing writes - and a restart fixes none of it, while a
 * restart loop would add rebalances to the outage. A process that truly stopped consuming is caught by the
 * liveness check {@link ConsumerLivenessCheck}.
 */
@Readiness
@ApplicationScoped
class ProcessingProgressCheck implements HealthCheck {

    private final EventConsumer consumer;
    private final StuckEventsReconciler reconciler;
    private final Duration maxUncommittedAge;
    private final Duration maxUnfinishedAge;

    @Inject
    ProcessingProgressCheck(EventConsumer consumer, StuckEventsReconciler reconciler,
                            @ConfigProperty(name = "eventflow.health.max-uncommitted-age-seconds",
                                    defaultValue = "120") long maxUncommittedAgeSeconds,
                            @ConfigProperty(name = "eventflow.health.max-unfinished-age-seconds",
                                    defaultValue = "3600") long maxUnfinishedAgeSeconds) {
        this.consumer = consumer;
        this.reconciler = reconciler;
        this.maxUncommittedAge = Duration.ofSeconds(maxUncommittedAgeSeconds);
        this.maxUnfinishedAge = Duration.ofSeconds(maxUnfinishedAgeSeconds);
    }

    @Override
    public HealthCheckResponse call() {
        Duration uncommitted = consumer.oldestUnfinishedRecordAge();
        Optional<Duration> unfinished = reconciler.oldestUnfinishedAge();
        boolean up = uncommitted.compareTo(maxUncommittedAge) <= 0
                && unfinished.map(age -> age.compareTo(maxUnfinishedAge) <= 0).orElse(true);
        return HealthCheckResponse.named("processing")
                .withData("oldest-uncommitted-record-seconds", uncommitted.toSeconds())
                .withData("records-in-flight", consumer.recordsInFlight())
                .withData("bytes-in-flight", consumer.bytesInFlight())
                .withData("dead-letters-waiting", consumer.deadLettersWaiting())
                .withData("oldest-unfinished-event-seconds", unfinished.map(Duration::toSeconds).orElse(0L))
                .status(up)
                .build();
    }
}
