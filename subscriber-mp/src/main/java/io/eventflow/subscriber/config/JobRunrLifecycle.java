package io.eventflow.subscriber.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import io.eventflow.subscriber.adapter.jobrunr.EventRetryFilter;
import io.eventflow.subscriber.adapter.jobrunr.FinalFailureFilter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.jobrunr.dashboard.BoundDashboardServer;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;
import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

/**
 * Starts JobRunr's background job server and dashboard once the schema is migrated, and stops them
 * before CDI goes away (not in JobRunr's own shutdown hook, which races Helidon's and closes the pool
 * under running jobs).
 */
@ApplicationScoped
class JobRunrLifecycle {

    private static final Logger LOGGER = Logger.getLogger(JobRunrLifecycle.class.getName());

    private final StorageProvider storageProvider;
    private final JsonMapper jsonMapper;
    private final JobActivator jobActivator;
    private final FinalFailureFilter finalFailureFilter;
    private final JobRunrSettings settings;
    private volatile BackgroundJobServer server;
    private volatile boolean stopping;
    private BoundDashboardServer dashboard;
    private JobServerWatchdog watchdog;
    private ScheduledExecutorService watching;

    @Inject
    JobRunrLifecycle(StorageProvider storageProvider, JsonMapper jsonMapper, JobActivator jobActivator,
                     FinalFailureFilter finalFailureFilter, Config config) {
        this.storageProvider = storageProvider;
        this.jsonMapper = jsonMapper;
        this.jobActivator = jobActivator;
        this.finalFailureFilter = finalFailureFilter;
        this.settings = JobRunrSettings.from(config);
    }

    void start(@Observes @Priority(APPLICATION - 5) @Initialized(ApplicationScoped.class) Object event) {
        if (settings.serverEnabled()) {
            server = new BackgroundJobServer(storageProvider, jsonMapper, jobActivator,
                    usingStandardBackgroundJobServerConfiguration()
                            .andWorkerCount(settings.workers())
                            .andPollInterval(Duration.ofSeconds(settings.pollIntervalSeconds()))
                            // on stop, running jobs get this long to finish before they are interrupted
                            .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(
                                    Duration.ofSeconds(settings.shutdownGraceSeconds())));
            server.setJobFilters(List.of(new EventRetryFilter(settings.defaultRetries(), settings.retryBackoffSeed()),
                    finalFailureFilter));
            server.start();
            LOGGER.info(() -> "JobRunr background job server started with " + settings.workers() + " workers");
            BackgroundJobServer started = server;
            watchdog = new JobServerWatchdog(() -> stopping || started.isRunning(), this::storageAnswers,
                    started::start);
            watching = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("eventflow-job-server-watchdog").factory());
            watching.scheduleWithFixedDelay(watchdog::check, settings.pollIntervalSeconds(),
                    settings.pollIntervalSeconds(), TimeUnit.SECONDS);
        }
        if (settings.dashboardEnabled()) {
            if (settings.dashboardCredentials().isEmpty() && !isLoopback(settings.dashboardHost())) {
                LOGGER.warning(() -> "The JobRunr dashboard listens on " + settings.dashboardHost() + " without "
                        + "basic auth: anyone who reaches that address can delete and requeue jobs. Set "
                        + "eventflow.dashboard.username and eventflow.dashboard.password.");
            }
            dashboard = BoundDashboardServer.start(storageProvider, jsonMapper, settings.dashboardHost(),
                    settings.dashboardPort(), settings.dashboardCredentials());
            LOGGER.info(() -> "JobRunr dashboard on http://" + settings.dashboardHost() + ":" + dashboard.port()
                    + "/dashboard" + (settings.dashboardCredentials().isPresent() ? " (basic auth)" : ""));
        }
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || host.startsWith("127.") || "::1".equals(host);
    }

    /**
     * Why this process's job server no longer runs jobs although nobody asked it to stop and starting it again did
     * not help (see {@link JobServerWatchdog}); only a new process may, so the liveness check reports it.
     */
    Optional<String> jobServerFailure() {
        return stopping || watchdog == null ? Optional.empty() : watchdog.failure();
    }

    private boolean storageAnswers() {
        try {
            storageProvider.getBackgroundJobServers();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopping = true;
        if (watching != null) {
            watching.shutdownNow();
        }
        if (server != null) {
            server.stop();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    /** JobRunr's settings, read once from configuration. */
    record JobRunrSettings(boolean serverEnabled, int workers, int pollIntervalSeconds, int defaultRetries,
                           int retryBackoffSeed, boolean dashboardEnabled, int dashboardPort, String dashboardHost,
                           Optional<String[]> dashboardCredentials, int shutdownGraceSeconds) {

        static JobRunrSettings from(Config config) {
            Optional<String[]> credentials = dashboardCredentials(
                    config.getOptionalValue("eventflow.dashboard.username", String.class),
                    config.getOptionalValue("eventflow.dashboard.password", String.class));
            return new JobRunrSettings(
                    config.getValue("eventflow.jobs.server.enabled", Boolean.class),
                    ProcessingMode.of(config).workers(config),
                    config.getValue("eventflow.jobs.poll-interval-seconds", Integer.class),
                    config.getValue("eventflow.jobs.retries.default", Integer.class),
                    config.getValue("eventflow.jobs.retry-backoff-seed", Integer.class),
                    config.getValue("eventflow.dashboard.enabled", Boolean.class),
                    config.getValue("eventflow.dashboard.port", Integer.class),
                    config.getValue("eventflow.dashboard.host", String.class),
                    credentials,
                    config.getOptionalValue("eventflow.shutdown.grace-seconds", Integer.class).orElse(20));
        }

        /**
         * The dashboard's basic-auth credentials: both or neither. Only one of them would silently leave the
         * dashboard open, so that stops the start with a message saying what to set.
         */
        static Optional<String[]> dashboardCredentials(Optional<String> username, Optional<String> password) {
            Optional<String> user = username.filter(u -> !u.isBlank());
            Optional<String> pass = password.filter(p -> !p.isBlank());
            if (user.isPresent() != pass.isPresent()) {
                throw new IllegalStateException("The JobRunr dashboard's basic auth needs both "
                        + "eventflow.dashboard.username and eventflow.dashboard.password (env "
                        + "EVENTFLOW_DASHBOARD_USERNAME, EVENTFLOW_DASHBOARD_PASSWORD), but only the "
                        + (user.isPresent() ? "username" : "password") + " is set. Set both to protect the "
                        + "dashboard, or neither to run it without auth on a loopback eventflow.dashboard.host.");
            }
            return user.flatMap(u -> pass.map(p -> new String[] {u, p}));
        }
    }
}
