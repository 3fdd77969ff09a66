package io.eventflow.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.eventflow.bench.platform.Endpoints;

/**
 * Runs a run's phases one at a time: one that {@code --only} leaves out is skipped with a note, one whose platform
 * has lost a process is skipped as failed, and one that throws is recorded as failed while the run goes on.
 */
final class Attempts {

    private final BenchOptions options;
    private final Endpoints endpoints;
    private final Progress progress;
    private final Results results;

    Attempts(BenchOptions options, Endpoints endpoints, Progress progress, Results results) {
        this.options = options;
        this.endpoints = endpoints;
        this.progress = progress;
        this.results = results;
    }

    /** The phase's result, or null when it was skipped or failed. */
    <T> T attempt(String name, String phase, Callable<T> work) {
        if (!options.runs(name)) {
            notRun(name);
            return null;
        }
        List<String> stopped = endpoints.pids().entrySet().stream()
                .filter(e -> !ProcessHandle.of(e.getValue()).map(ProcessHandle::isAlive).orElse(false))
                .map(Map.Entry::getKey).toList();
        if (!stopped.isEmpty()) {
            results.failed(phase + ": skipped, the platform's " + stopped + " stopped (see its logs)");
            return null;
        }
        try {
            return work.call();
        } catch (Exception | LinkageError e) {
            results.failed(phase + ": " + e);
            progress.phase(phase + " FAILED: " + e);
            return null;
        }
    }

    /** Notes that {@code --only} left these phases out. */
    void notRun(String name) {
        results.note("Not run (--only " + String.join(",", options.phases()) + "): " + name + " phases.");
    }

    /** Runs the phase and adds its result, if it has one, to {@code list}. */
    <T> void add(List<T> list, String name, String phase, Callable<T> work) {
        T result = attempt(name, phase, work);
        if (result != null) {
            list.add(result);
        }
    }
}
