package io.eventflow.subscriber.config;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import org.flywaydb.core.Flyway;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/** Brings the schema up to date with Flyway before anything else touches the database. */
@ApplicationScoped
class DatabaseMigration {

    private static final Logger LOGGER = Logger.getLogger(DatabaseMigration.class.getName());

    /** Runs before the job server starts (APPLICATION - 10: earlier priorities crash Helidon metrics). */
    void migrate(@Observes @Priority(APPLICATION - 10) @Initialized(ApplicationScoped.class) Object event,
                 @Named("eventflow") DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOGGER.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied)");
    }
}
