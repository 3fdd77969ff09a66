package io.eventflow.subscriber.persistence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How a JTA transaction here meets the database. Every statement of one transaction runs on one database connection,
 * in one database transaction, and a failed transaction leaves none of its writes - so two writes meant to commit
 * together do. With Hibernate's JTA default (release after each statement) Helidon's JTA data source handed each
 * statement a new pooled connection, so a job's transaction held several and sixteen busy workers exhausted the pool
 * of twenty. And a transaction whose commit fails reaches its caller as an unchecked exception with the commit's
 * failure as the cause, so that {@code catch (RuntimeException)} sees it: without our interceptor Narayana throws
 * JTA's checked {@code RollbackException}, which no signature declares, and a chaos run found it killing the
 * consumer thread. The commit is made to fail by a synchronization that refuses it after the method's statements ran.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddBean(TransactionsIT.BackendProbe.class)
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "mp.config.profile", value = "worker")
class TransactionsIT {

    /** Asks the database, statement by statement, which server process (so which connection) runs it. */
    @ApplicationScoped
    public static class BackendProbe {

        @PersistenceContext(unitName = "eventflow")
        private EntityManager em;

        @Inject
        private TransactionSynchronizationRegistry transactions;

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

        /** Inserts a pending status row, then has the commit refused when {@code refuseCommit}. */
        @Transactional
        public void write(UUID eventId, boolean refuseCommit) {
            insertPending(eventId, refuseCommit);
        }

        /** The same in a transaction of its own: the transaction type is part of the interceptor's binding. */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void writeInNewTransaction(UUID eventId, boolean refuseCommit) {
            insertPending(eventId, refuseCommit);
        }

        private void insertPending(UUID eventId, boolean refuseCommit) {
            em.createNativeQuery("""
                            INSERT INTO event_processing_status (event_id, event_type, status)
                            VALUES (?1, 'user_analytics', 'pending')""")
                    .setParameter(1, eventId).executeUpdate();
            if (refuseCommit) {
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        throw new IllegalStateException("commit refused by the test");
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            }
        }

        /** A method that declares a checked exception keeps it checked. */
        @Transactional(dontRollbackOn = Exception.class)
        public void throwDeclared() throws IOException {
            throw new IOException("declared");
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

    @Test
    void aFailedCommitIsAnUncheckedExceptionWithTheRollbackAsItsCause() {
        assertFailedCommitIsUnchecked("write", probe::write);
    }

    @Test
    void aFailedCommitOfANewTransactionIsUncheckedToo() {
        assertFailedCommitIsUnchecked("writeInNewTransaction", probe::writeInNewTransaction);
    }

    /** {@code write} takes an event id and whether its commit is refused. */
    private void assertFailedCommitIsUnchecked(String method, BiConsumer<UUID, Boolean> write) {
        UUID eventId = UUID.randomUUID();

        Throwable thrown = catchThrowable(() -> write.accept(eventId, true));

        assertThat(thrown).isInstanceOf(TransactionalException.class).hasCauseInstanceOf(RollbackException.class)
                .hasMessageContaining("BackendProbe." + method + " did not commit");
        assertThat(probe.statusRows(eventId)).as("rows after the refused commit").isZero();
    }

    @Test
    void aCommittedTransactionThrowsNothing() {
        UUID eventId = UUID.randomUUID();

        probe.write(eventId, false);

        assertThat(probe.statusRows(eventId)).isEqualTo(1);
    }

    @Test
    void aCheckedExceptionTheMethodDeclaresStaysAsItIs() {
        Throwable thrown = catchThrowable(probe::throwDeclared);

        assertThat(thrown).isInstanceOf(IOException.class).hasMessage("declared");
    }
}
