package io.eventflow.bench.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DbWorkTest {

    private static final DbCounters BEFORE = new DbCounters(1_000, 5, 100, 2_000, 300, true,
            Map.of("INSERT INTO t VALUES ($1)", 10L, "BEGIN", 50L, "SELECT $1", 7L), 40, 12);
    private static final DbCounters AFTER = new DbCounters(1_350, 6, 400, 2_900, 420, true,
            Map.of("INSERT INTO t VALUES ($1)", 110L, "BEGIN", 150L, "COMMIT", 100L, "SELECT $1", 7L,
                    "update x set y = $1", 200L), 140, 62);

    @Test
    void countsThePlatformsCommitsWithoutTheHarnesssOwnTransactions() {
        DbWork work = DbWork.between(BEFORE, AFTER, 100);

        // 350 commits, 50 of them the harness's queries
        assertThat(work.commits()).isEqualTo(300);
        assertThat(work.commitsPerUnit()).isEqualTo(3.0);
        assertThat(work.rollbacks()).isEqualTo(1);
    }

    @Test
    void countsStatementsThatMovedLeavingOutTransactionControl() {
        DbWork work = DbWork.between(BEFORE, AFTER, 100);

        assertThat(work.statements()).isEqualTo(300);
        assertThat(work.topStatements()).containsExactly(Map.entry("update x set y = $1", 200L),
                Map.entry("INSERT INTO t VALUES ($1)", 100L));
    }

    @Test
    void dividesTheServersOtherCountersByTheStoredEvents() {
        DbWork work = DbWork.between(BEFORE, AFTER, 100);

        assertThat(work.walSyncsPerUnit()).isEqualTo(1.2);
        assertThat(work.walRecordsPerUnit()).isEqualTo(9.0);
        assertThat(work.rowsWrittenPerUnit()).isEqualTo(3.0);
        assertThat(work.jobsPerUnit()).isEqualTo(1.0);
    }

    @Test
    void whatWasNotCountedStaysUnknownInsteadOfZero() {
        DbCounters noStatements = new DbCounters(1_000, 5, 100, 2_000, 300, false, Map.of(), -1, 12);
        DbWork work = DbWork.between(noStatements, AFTER, 100);

        assertThat(work.statements()).isEqualTo(-1);
        assertThat(work.statementsPerUnit()).isNaN();
        assertThat(work.jobsPerUnit()).isNaN();
        assertThat(work.topStatements()).isEmpty();
        assertThat(DbWork.between(BEFORE, AFTER, 0).commitsPerUnit()).isNaN();
    }

    @Test
    void tellsTransactionControlFromWork() {
        assertThat(DbWork.transactionControl("BEGIN")).isTrue();
        assertThat(DbWork.transactionControl("commit")).isTrue();
        assertThat(DbWork.transactionControl("SET application_name = 'PostgreSQL JDBC Driver'")).isTrue();
        assertThat(DbWork.transactionControl("PREPARE TRANSACTION 'x'")).isTrue();
        assertThat(DbWork.transactionControl("SHOW fsync")).isTrue();
        assertThat(DbWork.transactionControl("select * from settings where name = $1")).isFalse();
        assertThat(DbWork.transactionControl("WITH done AS (INSERT INTO s VALUES ($1)) SELECT 1")).isFalse();
        assertThat(DbWork.transactionControl("SETTLE")).isFalse();
    }
}
