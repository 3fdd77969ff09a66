package io.eventflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.eventflow.bench.load.EventBodies;
import io.eventflow.bench.load.LoadGenerator;
import io.eventflow.bench.load.LoadResult;
import io.eventflow.bench.load.LoadStep;
import io.eventflow.bench.platform.ProcessMonitor;
import io.eventflow.bench.report.BatchResult;

/**
 * The batch endpoint, if the publisher has one: found in its OpenAPI document (or at the usual paths),
 * probed with one JSON array of events, then loaded from a few clients. Skipped, with the reason, when
 * there is none or it does not take a plain JSON array.
 */
final class BatchBenchmark {

    private static final Pattern BATCH_PATH = Pattern.compile("(/api/[A-Za-z0-9_/.{}-]*batch[A-Za-z0-9_/.{}-]*)");
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    private static final int CLIENTS = 8;
    private final String publisher;
    private final EventBodies events;

    BatchBenchmark(String publisher, EventBodies events) {
        this.publisher = publisher;
        this.events = events;
    }

    /** Measures the first batch path that accepts a JSON array of events. */
    BatchResult run(Scale scale, LoadGenerator load, ProcessMonitor monitor, Progress progress)
            throws IOException, InterruptedException {
        String tried = "";
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (String path : candidates(client)) {
                HttpResponse<String> probe = client.send(events.batches(publisher + path, scale.batchSize()).apply(0),
                        HttpResponse.BodyHandlers.ofString());
                boolean allAccepted = accepted(probe.body()) == scale.batchSize();
                if (probe.statusCode() >= 200 && probe.statusCode() < 300 && allAccepted) {
                    return measure(path, scale, load, monitor, progress);
                }
                tried += " POST " + path + " -> " + probe.statusCode() + excerpt(probe.body()) + ";";
            }
        }
        return BatchResult.skipped("no batch endpoint took a JSON array of events:" + tried);
    }

    private BatchResult measure(String path, Scale scale, LoadGenerator load, ProcessMonitor monitor,
                                Progress progress) {
        progress.phase("batch " + path + ": " + scale.batchSize() + " events per request, " + CLIENTS + " clients");
        LongAdder acceptedEvents = new LongAdder();
        ProcessMonitor.Phase phase = monitor.begin("batch");
        LoadResult result = load.closed("batch " + path, events.batches(publisher + path, scale.batchSize()), CLIENTS,
                scale.step(), Long.MAX_VALUE, (seq, status, body) -> {
                    if (status >= 200 && status < 300) {
                        acceptedEvents.add(accepted(body));
                    }
                });
        LoadStep step = new LoadStep(result, phase.end());
        return new BatchResult("measured", path, scale.batchSize(), step, acceptedEvents.sum() / result.seconds());
    }

    private Set<String> candidates(HttpClient client) throws IOException, InterruptedException {
        Set<String> paths = new LinkedHashSet<>();
        HttpResponse<String> openapi = client.send(HttpRequest.newBuilder(URI.create(publisher + "/openapi"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = BATCH_PATH.matcher(openapi.statusCode() == 200 ? openapi.body() : "");
        while (m.find()) {
            if (!m.group(1).contains("{")) {
                paths.add(m.group(1));
            }
        }
        paths.add("/api/v1/events/batch");
        paths.add("/api/v1/events/analytics/batch");
        return paths;
    }

    /**
     * The events a batch answer accepted: its {@code accepted} count (a 207 lists each event's own outcome), or,
     * without one, the event ids it returned. A batch whose events were all rejected counts none.
     */
    static long accepted(String body) {
        Matcher count = ACCEPTED.matcher(body);
        if (count.find()) {
            return Long.parseLong(count.group(1));
        }
        long ids = 0;
        for (int i = body.indexOf("\"event_id\""); i >= 0; i = body.indexOf("\"event_id\"", i + 1)) {
            ids++;
        }
        return ids;
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.isEmpty() ? "" : " (" + (flat.length() > 120 ? flat.substring(0, 120) + "..." : flat) + ")";
    }
}
