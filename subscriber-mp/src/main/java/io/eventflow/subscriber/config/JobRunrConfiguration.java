package io.eventflow.subscriber.config;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
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
        return storageProvider;
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
