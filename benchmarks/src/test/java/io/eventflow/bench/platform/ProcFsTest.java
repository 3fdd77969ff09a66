package io.eventflow.bench.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

class ProcFsTest {

    private final long self = ProcessHandle.current().pid();

    @Test
    void readsResidentMemoryOfARunningProcess() {
        assertThat(ProcFs.rssKb(self)).isGreaterThan(10_000);
    }

    @Test
    void countsAProcessWithoutChildrenAsItsOwnResidentMemory() {
        assertThat(ProcFs.treeRssKb(self)).isCloseTo(ProcFs.rssKb(self), withinPercentage(10));
    }

    @Test
    void readsCpuTimeOfARunningProcess() {
        assertThat(ProcFs.cpuTicks(self, false)).isPositive();
    }

    @Test
    void machineBusyTicksNeverExceedTotal() {
        long[] ticks = ProcFs.machineTicks();

        assertThat(ticks[1]).isPositive();
        assertThat(ticks[0]).isBetween(0L, ticks[1]);
    }

    @Test
    void aProcessThatIsGoneHasNoMemory() {
        assertThat(ProcFs.rssKb(Long.MAX_VALUE)).isZero();
        assertThat(ProcFs.tree(Long.MAX_VALUE)).isEmpty();
    }
}
