package io.eventflow.bench.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventflow.bench.ceiling.JobsResult;
import io.eventflow.bench.load.Latency;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.platform.DbWork;
import io.eventflow.bench.platform.Usage;

import static org.assertj.core.api.Assertions.assertThat;

class BoundsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Usage QUIET = new Usage("phase", 10, 40, Map.of("subscriber", 30.0), Map.of(),
            Map.of("subscriber", "kafka-# 25%"));
    private static final Usage FULL = new Usage("phase", 10, 95.0 * CORES, Map.of("subscriber", 95.0 * CORES), Map.of(),
            Map.of());
    private static final Backlog WAITED = new Backlog(2_400, 2_000, 37);
    private static final JobsResult NOOP = new JobsResult("bulk enqueue", 1000, 5000, 700, Latency.NONE,
            work(1000, 2000, 1800, -1), QUIET);

    @Test
    void sustainedIsBoundedByTheLoadGeneratorWhenNoSenderEverWaited() {
        EndToEndResult e = sustained(new Backlog(450, 2_000, 0), QUIET, work(3000, 10_200, 8_700, 3000));

        assertThat(Bounds.sustained(e, NOOP)).startsWith("bounded by the load generator: the platform stored all it was "
                + "sent (POST /api/v1/events/analytics, 64 clients; at most 450 events waiting, below the cap of 2,000)");
    }

    @Test
    void sustainedIsBoundedByCpuWhenTheMachineIsFull() {
        assertThat(Bounds.sustained(sustained(WAITED, FULL, work(3000, 10_200, 8_700, 3000)), NOOP))
                .startsWith("bounded by CPU; accepted 300/s");
    }

    @Test
    void perEventStoringIsBoundedByJobRunrsPerJobCommitBesideTheNoOpJob() {
        String bound = Bounds.sustained(sustained(WAITED, QUIET, work(3000, 10_200, 8_700, 3000)), NOOP);

        assertThat(bound).startsWith("bounded by JobRunr's per-job commit: 1.00 jobs per event, 3.40 commits and 2.90 "
                + "WAL flushes per event (a no-op job: 2.00 and 1.80)");
        assertThat(bound).contains("scheduled by the consumer 290/s, stored 280/s", "busiest threads subscriber: kafka-# 25%");
    }

    @Test
    void batchedStoringNamesHowManyEventsShareAJob() {
        String bound = Bounds.sustained(sustained(WAITED, QUIET, work(30_000, 6_000, 3_000, 300)), NOOP);

        assertThat(bound).startsWith("not by CPU and not by JobRunr's per-job cost (one job per 100 events, so JobRunr's "
                + "per-job cost no longer limits it): by the batches' own round trips and commits");
        assertThat(bound).contains("0.20 commits and 0.10 WAL flushes per event");
        Usage busy = new Usage("phase", 10, 80.0 * CORES, Map.of("subscriber", 80.0 * CORES), Map.of(), Map.of());
        assertThat(Bounds.sustained(sustained(WAITED, busy, work(30_000, 6_000, 3_000, 300)), NOOP))
                .startsWith("bounded by CPU, nearly (machine " + 80 * CORES + "% busy): one job per 100 events");
    }

    @Test
    void givesTheCpuPerStoredEventOfADrain() {
        Usage busy = new Usage("drain", 10, 150, Map.of("subscriber", 100.0), Map.of(), Map.of());
        EndToEndResult drain = new EndToEndResult("drain", new LoadResult("drain", 0, 4, 5000, 0, Map.of(), 1,
                Latency.NONE), 5000, Latency.NONE, Latency.NONE, Latency.NONE, Latency.NONE, 2000, 500, 450, busy,
                "backlog", null, null);

        assertThat(Bounds.drain(drain, NOOP)).startsWith("storing (the database's counters were not read); consumer "
                + "scheduled 2,000/s, jobs stored 500/s; CPU per stored event 3,000 us (machine)");
    }

    @Test
    void theCeilingIsBoundedByItsCommitsUnlessTheCpuIsFull() {
        assertThat(Bounds.ceiling(NOOP)).startsWith("bounded by JobRunr's per-job commits (fetch, PROCESSING and "
                + "SUCCEEDED each a transaction): 2.00 commits and 1.80 WAL flushes per job; enqueue 5,000/s");
        assertThat(Bounds.ceiling(NOOP.measured(NOOP.work(), FULL))).startsWith("bounded by CPU");
    }

    @Test
    void flagsABatchedModeThatStillRanOneJobPerEvent() {
        EndToEndResult perEvent = sustained(WAITED, QUIET, work(3000, 10_200, 8_700, 3000));
        EndToEndResult batched = sustained(WAITED, QUIET, work(30_000, 6_000, 3_000, 300));

        assertThat(Bounds.modeCheck(new ModeResult("batched", List.of(perEvent), List.of(), null, List.of(), 8)))
                .contains("still ran 1.00 JobRunr jobs per stored event", "EVENTFLOW_PROCESSING_MODE=batched");
        assertThat(Bounds.modeCheck(new ModeResult("batched", List.of(batched), List.of(), null, List.of(), 8))).isEmpty();
        assertThat(Bounds.modeCheck(new ModeResult("per-event", List.of(perEvent), List.of(), null, List.of(), 8))).isEmpty();
    }

    @Test
    void namesTheCpuThatProcessesOutsideThePlatformTook() {
        Usage shared = new Usage("phase", 10, 95.0 * CORES, Map.of("subscriber", 95.0 * CORES - 70, "harness", 10.0),
                Map.of(), Map.of());

        assertThat(Bounds.sustained(sustained(WAITED, shared, null), NOOP))
                .startsWith("bounded by CPU (60% of it taken by processes outside the platform and the harness)");
        assertThat(Bounds.cpu(shared)).contains(", other processes 60%)");
        assertThat(Bounds.cpu(QUIET)).doesNotContain("other processes");
    }

    @Test
    void callsAPhaseCpuBoundOnlyWhenTheMachineIsNearlyFull() {
        assertThat(Bounds.cpu(FULL)).startsWith("CPU-bound");
        assertThat(Bounds.cpu(QUIET)).startsWith("machine CPU 40%");
    }

    private static DbWork work(long units, long commits, long walSyncs, long jobs) {
        return new DbWork(units, commits, 0, units * 3, walSyncs, walSyncs * 4, units * 2, jobs, Map.of());
    }

    private static EndToEndResult sustained(Backlog backlog, Usage usage, DbWork work) {
        LoadResult load = new LoadResult("sustained", 0, 64, 3000, 0, Map.of(), 10, Latency.NONE);
        return new EndToEndResult("sustained", load, 3000, Latency.NONE, Latency.NONE, Latency.NONE, Latency.NONE,
                290, 280, 250, usage, "POST /api/v1/events/analytics, 64 clients", backlog, work);
    }
}
