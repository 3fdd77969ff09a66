package io.eventflow.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.load.Latency;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.platform.DbWork;
import io.eventflow.bench.platform.MachineInfo;
import io.eventflow.bench.platform.Usage;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTableTest {

    private static final Usage QUIET = new Usage("phase", 10, 40, Map.of("subscriber", 30.0), Map.of(), Map.of());
    private static final Backlog WAITED = new Backlog(2_400, 2_000, 37);
    private static final String SINGLES = "POST /api/v1/events/analytics, 64 clients";
    private static final String BATCHES = "POST /api/v1/events/batch, 100 events each, 4 clients";

    @Test
    void showsTheMedianOfTheRunsWithTheirRangeAndTakesTheRatioBetweenMedians() {
        String table = report().summaryTable();

        assertThat(row(table, "end to end, sustained, per-event mode")).isEqualTo("| end to end, sustained, per-event mode "
                + "(events/s stored; " + SINGLES + ") | 230 (3 runs: 200-250) | JobRunr no-op jobs/s, 32 workers: 700 "
                + "(3 runs: 650-720) "
                + "| 33% | >= 70%; <= 1.5 commits per event | 3.30 / 8.30 / 2.30 (2.00 / 3.00 / 1.70) ");
        assertThat(row(table, "subscriber alone, per-event mode")).contains("| 300 (3 runs: 280-320) |", "| 43% | >= 90% |");
    }

    @Test
    void givesEachModeItsOwnGoalLoadAndCeiling() {
        String table = report().summaryTable();

        assertThat(row(table, "end to end, sustained, batched mode")).contains(BATCHES, "| 2,400 (1 run) |",
                "| JobRunr no-op jobs/s, 8 workers: 500 (1 run) |", "| 480% |", "| >= 2,000/s and >= 300% |",
                "0.20 / 0.50 / 0.10 (2.00 / 3.00 / 1.70)");
    }

    @Test
    void namesTheNoOpCeilingsMedianRunWithItsWorkPerJob() {
        String table = report().summaryTable();

        assertThat(fullRow(table, "ceiling: JobRunr no-op, per-event")).startsWith("| ceiling: JobRunr no-op, per-event "
                + "mode's 32 workers, bulk enqueue of 20,000 (jobs/s) | 700 (3 runs: 650-720) | - | - | - | 2.00 / 3.00 / 1.70 "
                + "| bounded by JobRunr's per-job commits");
        assertThat(fullRow(table, "ceiling: JobRunr no-op, batched")).startsWith("| ceiling: JobRunr no-op, batched "
                + "mode's 8 workers, bulk enqueue of 20,000 (jobs/s) | 500 (1 run) |");
    }

    @Test
    void theReportHasEverySectionAndListsEveryRunsDatabaseWork() {
        String markdown = report().markdown();

        assertThat(markdown).contains(MarkdownReport.SECTIONS);
        assertThat(markdown).contains("| end to end, sustained, per-event mode, run 3 of 3 | stored event | 1,000 | 3.30 "
                + "| 8.30 | 2.30 | 9.20 | 2.00 | 1.00 | 5.00 `update jobrunr_jobs SET state = $1`; "
                + "1.00 `INSERT INTO t VALUES ($1)` |");
        assertThat(markdown).contains("| JobRunr no-op, bulk enqueue, run 1 of 3 | job | 20,000 | 2.00 | 3.00 | 1.70 | 5.00 "
                + "| 3.00 | - | - |");
    }

    /** The row of a figure without its last cell, "what bounds it" (tested in BoundsTest). */
    private static String row(String table, String figure) {
        return fullRow(table, figure).replaceAll("\\| [^|]*\\|$", "");
    }

    private static String fullRow(String table, String figure) {
        return table.lines().filter(l -> l.startsWith("| " + figure)).findFirst().orElseThrow();
    }

    private static Report report() {
        String sustained = "end to end, sustained, per-event mode, run ";
        ModeResult perEvent = new ModeResult("per-event",
                List.of(e2e(sustained + "1 of 3", 200, SINGLES, work(1000, 3500, 8300, 2500, 1000)),
                        e2e(sustained + "2 of 3", 250, SINGLES, work(1000, 3400, 8300, 2400, 1000)),
                        e2e(sustained + "3 of 3", 230, SINGLES, work(1000, 3300, 8300, 2300, 1000))),
                List.of(e2e("drain 1", 280, "backlog", null), e2e("drain 2", 320, "backlog", null),
                        e2e("drain 3", 300, "backlog", null)), null,
                List.of(noop(1, 700), noop(2, 650), noop(3, 720)), 32);
        ModeResult batched = new ModeResult("batched",
                List.of(e2e("end to end, sustained, batched mode, run 1 of 1", 2_400, BATCHES,
                        work(10_000, 2000, 5000, 1000, 100))),
                List.of(), null, List.of(noop(1, 500)), 8);
        List<JobsResult> ceiling = new ArrayList<>(perEvent.ceilingRuns());
        ceiling.addAll(batched.ceilingRuns());
        return new Report("full", new MachineInfo(2, 24_000, "cpu", "jdk", "os", "today"), "1", "2", "a platform",
                Map.of(), null, null, null, List.of(perEvent, batched), ceiling, List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    private static JobsResult noop(int run, double rate) {
        return new JobsResult("bulk enqueue, run " + run + " of 3", 20_000, 5_000, rate, Latency.NONE,
                new DbWork(20_000, 40_000, 0, 60_000, 34_000, 100_000, 60_000, 0, Map.of()), QUIET);
    }

    private static DbWork work(long events, long commits, long statements, long walSyncs, long jobs) {
        Map<String, Long> top = new LinkedHashMap<>();
        top.put("update jobrunr_jobs SET state = $1", events * 5);
        top.put("INSERT INTO t VALUES ($1)", events);
        return new DbWork(events, commits, 0, statements, walSyncs, events * 92 / 10, events * 2, jobs, top);
    }

    private static EndToEndResult e2e(String label, double stored, String endpoint, DbWork work) {
        LoadResult load = new LoadResult(label, 0, 64, 1000, 0, Map.of(), 10, Latency.NONE);
        return new EndToEndResult(label, load, 1000, Latency.NONE, Latency.NONE, Latency.NONE, Latency.NONE, stored, stored,
                stored, QUIET, endpoint, WAITED, work);
    }
}
