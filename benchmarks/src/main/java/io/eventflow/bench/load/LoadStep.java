package io.eventflow.bench.load;

import io.eventflow.bench.platform.Usage;

/** A load step and what the processes used while it ran. */
public record LoadStep(LoadResult result, Usage usage) {

    /** CPU time (all watched processes, harness included) per successful request, in microseconds. */
    public double cpuMicrosPerRequest() {
        double cpuSeconds = usage.cpu().values().stream().mapToDouble(Double::doubleValue).sum() / 100 * usage.seconds();
        return result.ok() > 0 ? cpuSeconds * 1e6 / result.ok() : Double.NaN;
    }
}
