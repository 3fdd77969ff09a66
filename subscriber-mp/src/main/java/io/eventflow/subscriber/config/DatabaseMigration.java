package io.eventflow.subscriber.config;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.flywaydb.core.Flyway;

import static jakarta.interceptor.Interceptor.Priority.APPLICATION;

/**
 * Brings the schema up to date with Flyway before anything else touches the database: at start-up, and
 * before JobRunr's storage is created (JobRunr adds its own tables, and Flyway refuses to start on a
 * non-empty schema without its history table).
 */
@ApplicationScoped
class DatabaseMigration {

    private static final Logger LOGGER = Logger.getLogger(DatabaseMigration.class.getName());
    private final DataSource dataSource;
    private boolean migrated;

    @Inject
    DatabaseMigration(@Named("eventflow") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs early (APPLICATION - 10: earlier priorities crash Helidon metrics). */
    void migrate(@Observes @Priority(APPLICATION - 10) @Initialized(ApplicationScoped.class) Object event) {
        ensureMigrated();
    }

    /** Migrates once; later calls return at once. */
    synchronized void ensureMigrated() {
        if (migrated) {
            return;
        }
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated = true;
        LOGGER.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied)");
    }
}
