package io.eventflow.bench.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventflow.bench.load.Latency;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.platform.Usage;

import static org.assertj.core.api.Assertions.assertThat;

class BoundsTest {

    private static final Usage QUIET = new Usage("phase", 10, 40, Map.of("subscriber", 30.0), Map.of(),
            Map.of("subscriber", "kafka-# 25%"));

    @Test
    void namesTheConsumerWhenSchedulingIsTheSlowestStage() {
        String bound = Bounds.endToEnd(endToEnd(1000, 300, 290), null);

        assertThat(bound).startsWith("slowest stage: the consumer's scheduling");
        assertThat(bound).contains("scheduled by the consumer 300/s", "busiest threads subscriber: kafka-# 25%");
    }

    @Test
    void namesTheJobsWhenStoringIsTheSlowestStage() {
        assertThat(Bounds.endToEnd(endToEnd(1000, 950, 400), null)).startsWith("slowest stage: the jobs");
    }

    @Test
    void namesThePublisherWhenEveryLaterStageKeepsUp() {
        assertThat(Bounds.endToEnd(endToEnd(300, 300, 300), null)).startsWith("slowest stage: acceptance");
    }

    @Test
    void givesTheCpuPerStoredEventOfADrain() {
        Usage busy = new Usage("drain", 10, 150, Map.of("subscriber", 100.0), Map.of(), Map.of());
        EndToEndResult drain = new EndToEndResult("drain", new LoadResult("drain", 0, 4, 5000, 0, Map.of(), 1,
                Latency.NONE), 5000, Latency.NONE, Latency.NONE, Latency.NONE, Latency.NONE, 2000, 500, 450, busy);

        assertThat(Bounds.drain(drain)).startsWith("consumer scheduled 2,000/s, jobs stored 500/s; "
                + "CPU per stored event 3,000 us (machine)");
    }

    @Test
    void callsAPhaseCpuBoundOnlyWhenTheMachineIsNearlyFull() {
        int cores = Runtime.getRuntime().availableProcessors();
        Usage full = new Usage("full", 1, 95.0 * cores, Map.of("publisher", 150.0), Map.of(), Map.of());

        assertThat(Bounds.cpu(full)).startsWith("CPU-bound");
        assertThat(Bounds.cpu(QUIET)).startsWith("machine CPU 40%");
    }

    private static EndToEndResult endToEnd(double accepted, double scheduled, double stored) {
        LoadResult load = new LoadResult("burst", 0, 4, (long) accepted * 10, 0, Map.of(), 10, Latency.NONE);
        return new EndToEndResult("burst", load, 10, Latency.NONE, Latency.NONE, Latency.NONE, Latency.NONE,
                scheduled, stored, stored, QUIET);
    }
}
