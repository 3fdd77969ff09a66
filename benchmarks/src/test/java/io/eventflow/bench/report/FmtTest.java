package io.eventflow.bench.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventflow.bench.platform.DbWork;

import static org.assertj.core.api.Assertions.assertThat;

class FmtTest {

    @Test
    void perEventFiguresKeepThreeDecimalsWhenBatchingMakesThemSmall() {
        assertThat(Fmt.dec(3.414)).isEqualTo("3.41");
        assertThat(Fmt.dec(0.1)).isEqualTo("0.10");
        assertThat(Fmt.dec(0.0123)).isEqualTo("0.012");
        assertThat(Fmt.dec(0)).isEqualTo("0.00");
        assertThat(Fmt.dec(Double.NaN)).isEqualTo("-");
    }

    @Test
    void theWorkColumnShowsCommitsStatementsAndWalFlushesPerUnit() {
        DbWork work = new DbWork(200, 680, 0, -1, 590, 5000, 900, 200, Map.of());

        assertThat(Fmt.work(work)).isEqualTo("3.40 / - / 2.95");
        assertThat(Fmt.work(null)).isEqualTo("-");
    }

    @Test
    void aTableCellIsOneLineWithoutPipes() {
        assertThat(Fmt.cell("SELECT a\n  FROM t WHERE x || y")).isEqualTo("SELECT a FROM t WHERE x \\|\\| y");
    }
}
