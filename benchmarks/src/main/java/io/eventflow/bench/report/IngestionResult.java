package io.eventflow.bench.report;

import java.util.List;
import java.util.Optional;

import io.eventflow.bench.load.LoadStep;

/** Single-event POSTs against one endpoint: the saturation step, each fixed rate, and rates left out. */
public record IngestionResult(String target, LoadStep saturation, List<LoadStep> rates, List<Integer> skipped) {

    /** The step at this offered rate, if it ran. */
    Optional<LoadStep> atRate(int rate) {
        return rates.stream().filter(s -> Math.round(s.result().offeredRate()) == rate).findFirst();
    }
}
