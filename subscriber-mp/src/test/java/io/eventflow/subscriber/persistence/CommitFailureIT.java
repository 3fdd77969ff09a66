package io.eventflow.subscriber.persistence;

import java.io.IOException;
import java.util.UUID;

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
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A transaction whose commit fails reaches its caller as an unchecked exception with the commit's failure as the
 * cause, so that {@code catch (RuntimeException)} sees it; without our interceptor Narayana throws JTA's checked
 * {@code RollbackException}, which no signature declares, and a chaos run found it killing the consumer thread. The
 * commit is made to fail by a synchronization that refuses it after the method's statements ran.
 */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddBean(CommitFailureIT.Writer.class)
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
@AddConfig(key = "mp.config.profile", value = "worker")
class CommitFailureIT {

    /** Writes a status row; the commit is refused when asked. */
    @ApplicationScoped
    public static class Writer {

        @PersistenceContext(unitName = "eventflow")
        private EntityManager em;

        @Inject
        private TransactionSynchronizationRegistry transactions;

        /** Inserts a pending status row, then has the commit refused when {@code refuseCommit}. */
        @Transactional
        public void write(UUID eventId, boolean refuseCommit) {
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

        /** How many status rows the event has. */
        @Transactional
        public long statusRows(UUID eventId) {
            return ((Number) em.createNativeQuery("SELECT count(*) FROM event_processing_status WHERE event_id = ?1")
                    .setParameter(1, eventId).getSingleResult()).longValue();
        }
    }

    @Inject
    private Writer writer;

    @Test
    void aFailedCommitIsAnUncheckedExceptionWithTheRollbackAsItsCause() {
        UUID eventId = UUID.randomUUID();

        Throwable thrown = catchThrowable(() -> writer.write(eventId, true));

        assertThat(thrown).isInstanceOf(TransactionalException.class).hasCauseInstanceOf(RollbackException.class)
                .hasMessageContaining("Writer.write did not commit");
        assertThat(writer.statusRows(eventId)).as("rows after the refused commit").isZero();
    }

    @Test
    void aCommittedTransactionThrowsNothing() {
        UUID eventId = UUID.randomUUID();

        writer.write(eventId, false);

        assertThat(writer.statusRows(eventId)).isEqualTo(1);
    }

    @Test
    void aCheckedExceptionTheMethodDeclaresStaysAsItIs() {
        Throwable thrown = catchThrowable(writer::throwDeclared);

        assertThat(thrown).isInstanceOf(IOException.class).hasMessage("declared");
    }
}
