package io.eventflow.subscriber.persistence;

import java.util.ArrayList;
import java.util.List;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of one JTA transaction runs on one database connection. With Hibernate's JTA default (release
 * after each statement) Helidon's JTA data source handed each statement a new pooled connection, so a job's
 * transaction held several and sixteen busy workers exhausted the pool of twenty.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddBean(OneConnectionPerTransactionIT.BackendProbe.class)
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "mp.config.profile", value = "worker")
class OneConnectionPerTransactionIT {

    /** Asks the database, statement by statement, which server process (so which connection) runs it. */
    @ApplicationScoped
    public static class BackendProbe {

        @PersistenceContext(unitName = "eventflow")
        private EntityManager em;

        /** The server process id seen by each of {@code rounds} write-then-read pairs in one transaction. */
        @Transactional
        public List<Integer> backendPerStatement(int rounds) {
            List<Integer> backends = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                em.createNativeQuery("UPDATE event_processing_status SET updated_at = now() WHERE event_id IS NULL")
                        .executeUpdate();
                backends.add(((Number) em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue());
            }
            return backends;
        }
    }

    @Inject
    private BackendProbe probe;

    @Test
    void everyStatementOfATransactionUsesTheSameConnection() {
        List<Integer> backends = probe.backendPerStatement(4);

        assertThat(backends).hasSize(4);
        assertThat(backends).as("server process per statement").containsOnly(backends.getFirst());
    }
}
