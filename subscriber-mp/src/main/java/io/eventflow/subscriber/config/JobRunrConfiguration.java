package io.eventflow.subscriber.config;

import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import io.eventflow.jobrunr.JobTableIndexes;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.jobrunr.jobs.mappers.JobMapper;

/** JobRunr has no Helidon integration: its storage, mapper, activator and scheduler are produced here. */
@ApplicationScoped
class JobRunrConfiguration {

    private static final Logger LOGGER = Logger.getLogger(JobRunrConfiguration.class.getName());

    @Produces
    @Singleton
    JsonMapper jobRunrJsonMapper() {
        // Jackson: JSON-B enqueues 2-5x slower
        return new JacksonJsonMapper();
    }

    @Produces
    @Singleton
    StorageProvider storageProvider(@Named("eventflow") DataSource dataSource, JsonMapper jsonMapper,
                                    DatabaseMigration migration) {
        migration.ensureMigrated();
        StorageProvider storageProvider = SqlStorageProviderFactory.using(dataSource);
        storageProvider.setJobMapper(new JobMapper(jsonMapper));
        dropRedundantStateIndex(dataSource);
        return storageProvider;
    }

    /** JobRunr's tables exist once its storage provider is made: see {@link JobTableIndexes} for why. */
    private static void dropRedundantStateIndex(DataSource dataSource) {
        try {
            List<String> dropped = JobTableIndexes.dropRedundantStateIndex(dataSource, "");
            if (!dropped.isEmpty()) {
                LOGGER.info(() -> "Dropped JobRunr's index " + dropped + " on jobrunr_jobs(state): the index on"
                        + " (state, updatedAt) serves the same queries, and a backlog no longer sorts on every fetch");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop JobRunr's redundant index on jobrunr_jobs(state): "
                    + e.getMessage() + ". Check that the database user may alter JobRunr's tables.", e);
        }
    }

    @Produces
    @Singleton
    JobActivator jobActivator(Instance<Object> beans) {
        return new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return beans.select(type).get();
            }
        };
    }

    @Produces
    @Singleton
    JobRequestScheduler jobRequestScheduler(StorageProvider storageProvider) {
        return new JobRequestScheduler(storageProvider);
    }
}
