package io.eventflow.subscriber.adapter.in.scheduling;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.processing.application.port.in.ReconcileEventsUseCase;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/**
 * Runs the reconciler every {@code eventflow.reconciler.interval-seconds} in every subscriber and worker process
 * (it is safe to run side by side), and keeps the age of the oldest unfinished event for the gauge
 * {@code eventflow_oldest_unfinished_event_age_seconds} and for health.
 */
@ApplicationScoped
public class StuckEventsReconciler {

    private static final Logger LOGGER = Logger.getLogger(StuckEventsReconciler.class.getName());
    private static final long MEASURE_EVERY_SECONDS = 5;

    private final ReconcileEventsUseCase reconcile;
    private final MetricRegistry registry;
    private final boolean enabled;
    private final long intervalSeconds;
    private volatile Optional<Duration> oldestUnfinishedAge = Optional.empty();
    private ScheduledExecutorService timer;

    /** Creates the driver. */
    @Inject
    public StuckEventsReconciler(ReconcileEventsUseCase reconcile, MetricRegistry registry,
                                 @ConfigProperty(name = "eventflow.reconciler.enabled", defaultValue = "true")
                                 boolean enabled,
                                 @ConfigProperty(name = "eventflow.reconciler.interval-seconds", defaultValue = "60")
                                 long intervalSeconds) {
        this.reconcile = reconcile;
        this.registry = registry;
        this.enabled = enabled;
        this.intervalSeconds = intervalSeconds;
    }

    void start(@Observes @Priority(APPLICATION + 10) @Initialized(ApplicationScoped.class) Object event) {
        registry.gauge("eventflow_oldest_unfinished_event_age_seconds",
                () -> oldestUnfinishedAge().map(Duration::toSeconds).orElse(0L));
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("eventflow-reconciler").daemon().factory());
        // measured here, not in the health request: a query there would hang health while the database is away
        timer.scheduleWithFixedDelay(this::measureQuietly, 0, MEASURE_EVERY_SECONDS, TimeUnit.SECONDS);
        if (enabled) {
            timer.scheduleWithFixedDelay(this::runOnce, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    /** One pass; failures (the database away) are logged and the next pass tries again. */
    void runOnce() {
        try {
            ReconcileEventsUseCase.Result result = reconcile.reconcile();
            if (result.repaired() > 0) {
                LOGGER.info(() -> "Reconciler repaired " + result.repaired() + " stuck events (" + result.requeued()
                        + " re-queued, " + result.rescheduled() + " rescheduled, " + result.failed() + " failed) of "
                        + result.stale() + " stale");
            }
        } catch (Exception e) {
            // Exception: a failed commit arrives unchecked (UndeclaredCommitFailures), but any exception that
            // leaves this method, a checked one thrown undeclared included, cancels every later pass of the task
            LOGGER.log(Level.WARNING, "Reconciler pass failed; the next one runs in " + intervalSeconds + " s", e);
        }
    }

    /** The oldest unfinished event's age as last measured (every few seconds); empty when there is none. */
    public Optional<Duration> oldestUnfinishedAge() {
        return oldestUnfinishedAge;
    }

    private void measureQuietly() {
        try {
            oldestUnfinishedAge = reconcile.oldestUnfinishedAge();
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "Could not measure the oldest unfinished event", e);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
