package io.eventflow.bench.ceiling;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.eventflow.jobrunr.JobTableIndexes;
import io.eventflow.testing.ProcessingMode;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

/**
 * The job-system ceiling: a JobRunr background job server wired like the subscriber's (Jackson, a
 * 20-connection Hikari pool, as many workers as the subscriber in the processing mode measured, 5 s poll interval)
 * running no-op jobs on the same PostgreSQL, in tables of its own ({@code bench_jobrunr_*}).
 */
public final class JobRunrCeiling implements AutoCloseable {

    /** The variable that sets the subscriber's JobRunr worker count whatever its processing mode. */
    static final String WORKERS_VARIABLE = "EVENTFLOW_JOBS_WORKERS";
    /** The JobRunr poll interval the subscriber runs with (its default). */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    /** The size of the subscriber's connection pool (its datasource's {@code maximumPoolSize}). */
    static final int POOL_SIZE = 20;
    static final String PREFIX = "bench_";
    private final HikariDataSource dataSource;
    private final StorageProvider storage;
    private final JobRequestScheduler scheduler;
    private final BackgroundJobServer server;
    private final JobTimes times;
    private final int workers;

    /** Starts a job server with {@code workers} workers on the PostgreSQL at {@code jdbcUrl}, in tables of its own. */
    public JobRunrCeiling(String jdbcUrl, int workers) {
        this.workers = workers;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(POOL_SIZE);
        dataSource = new HikariDataSource(config);
        JacksonJsonMapper json = new JacksonJsonMapper();
        try {
            storage = SqlStorageProviderFactory.using(dataSource, PREFIX);
            // the subscriber does the same to its JobRunr tables
            JobTableIndexes.dropRedundantStateIndex(dataSource, PREFIX);
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("Could not drop the ceiling's redundant JobRunr state index", e);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        storage.setJobMapper(new JobMapper(json));
        times = new JobTimes(dataSource, PREFIX + "jobrunr_jobs");
        times.clear();
        scheduler = new JobRequestScheduler(storage);
        server = new BackgroundJobServer(storage, json, activator(), usingStandardBackgroundJobServerConfiguration()
                .andWorkerCount(workers).andPollInterval(POLL_INTERVAL));
        server.start();
    }

    /** Enqueues {@code jobs} one at a time from one thread (as the subscriber's consumer does) and runs them. */
    public JobsResult sequential(int jobs, Duration timeout) {
        long start = System.nanoTime();
        for (long i = 0; i < jobs; i++) {
            scheduler.enqueue(new NoopJobRequest(i));
        }
        double enqueueRate = jobs / ((System.nanoTime() - start) / 1e9);
        return finish("sequential enqueue, " + workers + " workers", jobs, enqueueRate, timeout);
    }

    /**
     * Enqueues {@code jobs} in one bulk call and measures how fast the server works them off; {@code done} runs once
     * they succeeded (or the time is up), before the harness reads and deletes them.
     */
    public JobsResult bulk(String label, int jobs, Duration timeout, Runnable done) {
        long start = System.nanoTime();
        scheduler.enqueue(LongStream.range(0, jobs).mapToObj(NoopJobRequest::new));
        double enqueueRate = jobs / ((System.nanoTime() - start) / 1e9);
        awaitSucceeded(jobs, timeout);
        done.run();
        return finish(label, jobs, enqueueRate, timeout);
    }

    /** Enqueues {@code rate} jobs per second for {@code duration}: the pick-up latency of a lightly loaded server. */
    public JobsResult paced(int rate, Duration duration, Duration timeout) {
        int jobs = (int) Math.max(1, rate * duration.toMillis() / 1000);
        long start = System.nanoTime();
        for (long i = 0; i < jobs; i++) {
            long due = start + i * 1_000_000_000L / rate;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            scheduler.enqueue(new NoopJobRequest(i));
        }
        JobsResult result = finish("paced " + rate + "/s, " + workers + " workers", jobs, rate, timeout);
        // completions follow the pace here, so their rate says nothing about the ceiling
        return new JobsResult(result.label(), jobs, rate, Double.NaN, result.latency(), null, null);
    }

    /** Succeeded jobs so far, for the progress line (a query of the harness's own, left out of the counts). */
    public long succeeded() {
        return times.succeeded();
    }

    private void awaitSucceeded(int jobs, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (succeeded() < jobs && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private JobsResult finish(String label, int jobs, double enqueueRate, Duration timeout) {
        awaitSucceeded(jobs, timeout);
        JobsResult result = times.read(label, jobs, enqueueRate);
        times.clearSucceeded();
        return result;
    }

    /**
     * The JobRunr worker count of a subscriber in {@code mode} started with {@code env} (a platform the harness
     * starts inherits its environment): {@code EVENTFLOW_JOBS_WORKERS} when set, else the mode's default.
     */
    public static int workers(ProcessingMode mode, Map<String, String> env) {
        String set = env.get(WORKERS_VARIABLE);
        return set == null || set.isBlank() ? mode.defaultWorkers() : Integer.parseInt(set.trim());
    }

    private static JobActivator activator() {
        return new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                try {
                    return type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot create " + type, e);
                }
            }
        };
    }

    @Override
    public void close() {
        server.stop();
        dataSource.close();
    }
}
