package io.eventflow.subscriber.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every statement of one JTA transaction runs on one database connection, in one database transaction, and a failed
 * transaction leaves none of its writes - so two writes meant to commit together do. With Hibernate's JTA default (release
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

        /** The database transaction id seen by each of {@code rounds} writes in one JTA transaction. */
        @Transactional
        public List<Long> databaseTransactionPerStatement(UUID eventId, int rounds) {
            List<Long> transactions = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                em.createNativeQuery("""
                                INSERT INTO event_processing_status (event_id, event_type, status, retry_count)
                                VALUES (?1, 'user_analytics', 'pending', ?2)
                                ON CONFLICT (event_id) DO UPDATE SET retry_count = EXCLUDED.retry_count""")
                        .setParameter(1, eventId).setParameter(2, i).executeUpdate();
                transactions.add(((Number) em.createNativeQuery("SELECT txid_current()").getSingleResult())
                        .longValue());
            }
            return transactions;
        }

        /** Writes twice, then fails: the JTA transaction must roll both writes back. */
        @Transactional
        public void writeTwiceThenFail(UUID eventId) {
            em.createNativeQuery("""
                            INSERT INTO event_processing_status (event_id, event_type, status)
                            VALUES (?1, 'user_analytics', 'pending')""")
                    .setParameter(1, eventId).executeUpdate();
            em.createNativeQuery("UPDATE event_processing_status SET status = 'completed' WHERE event_id = ?1")
                    .setParameter(1, eventId).executeUpdate();
            throw new IllegalStateException("failing after two writes");
        }

        /** How many status rows the event has, read in a transaction of its own. */
        @Transactional
        public long statusRows(UUID eventId) {
            return ((Number) em.createNativeQuery("SELECT count(*) FROM event_processing_status WHERE event_id = ?1")
                    .setParameter(1, eventId).getSingleResult()).longValue();
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

    @Test
    void everyStatementOfATransactionRunsInOneDatabaseTransaction() {
        List<Long> transactions = probe.databaseTransactionPerStatement(UUID.randomUUID(), 3);

        assertThat(transactions).hasSize(3);
        assertThat(transactions).as("database transaction per statement (none may autocommit)")
                .containsOnly(transactions.getFirst());
    }

    @Test
    void aFailedTransactionLeavesNoneOfItsWrites() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> probe.writeTwiceThenFail(eventId)).hasStackTraceContaining("failing after two writes");

        assertThat(probe.statusRows(eventId)).as("status rows after the rollback").isZero();
    }
}
