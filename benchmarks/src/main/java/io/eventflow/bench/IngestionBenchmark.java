package io.eventflow.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.load.LoadStep;
import io.eventflow.bench.platform.ProcessMonitor;
import io.eventflow.bench.report.IngestionResult;

/**
 * Single-event POSTs against one endpoint: a warm-up, a saturation step (closed model, N clients),
 * then each fixed offered rate (open model) that does not exceed what saturation reached.
 */
final class IngestionBenchmark {

    private final Scale scale;
    private final LoadGenerator load;
    private final ProcessMonitor monitor;
    private final Progress progress;

    IngestionBenchmark(Scale scale, LoadGenerator load, ProcessMonitor monitor, Progress progress) {
        this.scale = scale;
        this.load = load;
        this.monitor = monitor;
        this.progress = progress;
    }

    /** Runs every step against {@code target}. */
    IngestionResult run(String target, LongFunction<HttpRequest> requests) {
        progress.phase(target + ": warm-up, " + scale.warmup().toSeconds() + " s");
        load.closed(target + " warm-up", requests, scale.concurrency(), scale.warmup(), Long.MAX_VALUE,
                LoadGenerator.Listener.NONE);
        progress.phase(target + ": saturation, " + scale.concurrency() + " clients for " + scale.step().toSeconds() + " s");
        ProcessMonitor.Phase phase = monitor.begin(target + " saturation");
        LoadResult saturation = load.closed(target + " saturation", requests, scale.concurrency(), scale.step(),
                Long.MAX_VALUE, LoadGenerator.Listener.NONE);
        LoadStep saturated = new LoadStep(saturation, phase.end());
        List<LoadStep> steps = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int rate : scale.rates()) {
            if (rate > saturation.throughput()) {
                skipped.add(rate);
                continue;
            }
            progress.phase(target + ": " + rate + " requests/s for " + scale.step().toSeconds() + " s");
            ProcessMonitor.Phase step = monitor.begin(target + " @" + rate + "/s");
            LoadResult result = load.open(target + " @" + rate + "/s", requests, rate, scale.step(), LoadGenerator.Listener.NONE);
            steps.add(new LoadStep(result, step.end()));
        }
        return new IngestionResult(target, saturated, steps, skipped);
    }
}
