package io.eventflow.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.io.UncheckedIOException;
import io.eventflow.testing.ProcessingMode;

/**
 * Runs one scenario from start to count: platform up, load on, fault in mid-load, heal, wait for the load and
 * the processing to settle, then the audit from PostgreSQL. The data of a clean run is deleted; logs are kept.
 */
final class ScenarioRunner {

    static final int CLIENTS = 6;
    /** The fault lands once this share of the planned events has been accepted. */
    private static final double FAULT_AT = 0.3;
    private static final Duration RETRY_WINDOW = Duration.ofMinutes(2);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(6);
    /** However slow the machine, a scenario gives up waiting for processing after this long. */
    private static final Duration SETTLE_CAP = Duration.ofMinutes(20);

    private final Progress progress;
    private final Path runDir;
    private final int events;
    private final int rate;
    private final ProcessingMode mode;
    private final Duration stallTimeout;

    /**
     * A runner writing under {@code runDir} whose platforms process in {@code mode}; {@code stallTimeout} is how long
     * processing may make no progress at all before the accepted events still open are reported stuck.
     */
    ScenarioRunner(Progress progress, Path runDir, int events, int rate, ProcessingMode mode, Duration stallTimeout) {
        this.progress = progress;
        this.runDir = runDir;
        this.events = events;
        this.rate = rate;
        this.mode = mode;
        this.stallTimeout = stallTimeout;
    }

    /** Runs the scenario; never throws for a scenario that breaks, but returns an ERROR result saying why. */
    ScenarioResult run(Scenario scenario) {
        String name = scenario.name();
        List<String> notes = new ArrayList<>();
        Path home = runDir.resolve(name);
        Instant begin = Instant.now();
        progress.say(name, "starting broker, database, publisher, subscriber%s (%s mode) in %s",
                scenario.withWorker() ? ", worker" : "", mode.value(), home);
        ScenarioResult result;
        Path used = home;
        try (Platform platform = startPlatform(name, home, scenario.withWorker())) {
            used = platform.home();
            progress.say(name, "platform up in %s; sending %,d events at %d/s from %d clients",
                    Progress.seconds(Duration.between(begin, Instant.now())), events, rate, CLIENTS);
            result = runLoaded(scenario, platform, notes);
            progress.say(name, "stopping the platform");
        } catch (Exception e) {
            progress.say(name, "ERROR: %s", e);
            return new ScenarioResult(scenario, mode, null, null, null, 0, notes,
                    List.of("error: " + e + "; logs in " + home));
        }
        if (result.passed()) {
            deleteData(used);
        }
        return result;
    }

    /**
     * Starts the platform, and once more in a fresh folder if that fails: on a loaded machine the embedded database
     * or the broker can miss its own start-up deadline, which says nothing about the fault under test.
     */
    private Platform startPlatform(String name, Path home, boolean withWorker) throws IOException {
        try {
            return Platform.start(home, withWorker, mode);
        } catch (IOException | RuntimeException e) {
            progress.say(name, "the platform did not start (%s); trying once more", e.getMessage());
            return Platform.start(home.resolveSibling(home.getFileName() + "-retry"), withWorker, mode);
        }
    }

    private ScenarioResult runLoaded(Scenario scenario, Platform platform, List<String> notes) throws Exception {
        String name = scenario.name();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chaos-progress");
            thread.setDaemon(true);
            return thread;
        });
        try (LoadGenerator load = new LoadGenerator(LoadPlan.of(events, rate), platform.publisherUrl(),
                platform.apiKey())) {
            load.start(CLIENTS);
            ticker.scheduleAtFixedRate(() -> tick(name, platform, load), 5, 5, TimeUnit.SECONDS);
            awaitAccepted(load, (int) (events * FAULT_AT));
            // how many are still open shows that the fault hits work in progress, not an idle platform
            progress.say(name, "injecting the fault: %s (%,d events accepted so far, %s)", scenario.description(),
                    load.acceptedCount(), finalSoFar(platform, load));
            Instant faultAt = Instant.now();
            scenario.fault().injectAndHeal(platform, step(name, notes));
            Instant healed = Instant.now();
            progress.say(name, "healed %s after the fault", Progress.seconds(Duration.between(faultAt, healed)));
            load.stopRetryingAfter(RETRY_WINDOW);
            if (!load.awaitDone(LOAD_TIMEOUT)) {
                notes.add("clients still had " + load.openRequests() + " requests open after " + LOAD_TIMEOUT);
            }
            progress.say(name, "load done: %,d events accepted; %s", load.acceptedCount(), load.summary());
            notes.add("clients: " + load.summary());
            Map<UUID, LoadPlan.Event> accepted = load.accepted();
            Duration settle = awaitSettled(name, platform, accepted, healed);
            ticker.shutdownNow();
            EventAudit.Counts counts;
            EventAudit.Jobs jobs;
            try (Connection connection = platform.connect()) {
                counts = EventAudit.count(connection, accepted);
                jobs = EventAudit.jobs(connection, accepted.keySet());
                EventAudit.KeyOrder order = EventAudit.keyOrder(connection);
                notes.add("per-key order: %,d of %,d consecutive same-key pairs stored out of topic order"
                        .formatted(order.inversions(), order.pairs()));
            }
            if (load.eventsWithSeveralIds() > 0) {
                notes.add(load.eventsWithSeveralIds() + " events were answered 202 under more than one event id");
            }
            List<String> findings = findings(platform, counts);
            progress.say(name, "%s (%s mode): accepted %,d, lost %d, duplicated %d, stuck %d, failed %d, settled %s",
                    counts.clean() && settle != null ? "PASS" : "FAIL", mode.value(), counts.accepted(), counts.lost(),
                    counts.duplicated(), counts.stuck(), counts.failed(),
                    settle == null ? "NOT (stalled)" : "in " + Progress.seconds(settle) + " after the heal");
            progress.say(name, "jobs: %s", jobs.summary());
            findings.forEach(line -> progress.say(name, "  %s", line));
            return new ScenarioResult(scenario, mode, counts, jobs, settle,
                    load.givenUpEvents() + load.rejectedEvents(), List.copyOf(notes), findings);
        } finally {
            ticker.shutdownNow();
        }
    }

    private void awaitAccepted(LoadGenerator load, int target) throws InterruptedException {
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        while (load.acceptedCount() < target && load.openRequests() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Polls until every accepted event has a final status; returns the time since the heal, or null when the count
     * of final events made no progress for {@code stallTimeout} (stuck, not merely slow) or the hard cap passed.
     */
    private Duration awaitSettled(String name, Platform platform, Map<UUID, LoadPlan.Event> accepted, Instant healed)
            throws InterruptedException {
        long cap = System.nanoTime() + SETTLE_CAP.toNanos();
        long lastProgress = System.nanoTime();
        long lastCount = -1;
        while (System.nanoTime() < cap && System.nanoTime() - lastProgress < stallTimeout.toNanos()) {
            try (Connection connection = platform.connect()) {
                long done = EventAudit.finalCount(connection, accepted.keySet());
                if (done == accepted.size()) {
                    Duration settle = Duration.between(healed, Instant.now());
                    return settle.isNegative() ? Duration.ZERO : settle;
                }
                if (done > lastCount) {
                    lastCount = done;
                    lastProgress = System.nanoTime();
                }
            } catch (SQLException e) {
                // the database may still be coming back: keep polling until the deadline
            }
            TimeUnit.SECONDS.sleep(1);
        }
        progress.say(name, "processing did not settle: no event became final for %s (or %s passed)",
                stallTimeout, SETTLE_CAP);
        return null;
    }

    private void tick(String name, Platform platform, LoadGenerator load) {
        progress.say(name, "accepted %,d, open requests %d, %s", load.acceptedCount(), load.openRequests(),
                finalSoFar(platform, load));
    }

    private static String finalSoFar(Platform platform, LoadGenerator load) {
        try (Connection connection = platform.connect()) {
            return String.format("%,d final", EventAudit.finalCount(connection, load.accepted().keySet()));
        } catch (SQLException e) {
            return "database not answering";
        }
    }

    private Scenario.Step step(String name, List<String> notes) {
        return new Scenario.Step() {
            @Override
            public void say(String format, Object... args) {
                progress.say(name, format, args);
            }

            @Override
            public void note(String format, Object... args) {
                String line = format.formatted(args);
                notes.add(line);
                progress.say(name, "%s", line);
            }
        };
    }

    /** For each bad event: its state in the database and the service log lines that name it. */
    private static List<String> findings(Platform platform, EventAudit.Counts counts) throws IOException {
        List<String> findings = new ArrayList<>();
        if (counts.sameEventTwice() > 0) {
            findings.add(counts.sameEventTwice() + " planned events stored under more than one event id");
        }
        for (EventAudit.EventState state : counts.examples()) {
            findings.add("event %s: rows %d, status %s (%d status rows), retries %s, error %s".formatted(
                    state.eventId(), state.rows(), state.status(), state.statusRows(), state.retries(), state.error()));
            findings.addAll(logLines(platform.home(), state.eventId().toString()));
        }
        return findings;
    }

    private static List<String> logLines(Path home, String needle) throws IOException {
        try (Stream<Path> logs = Files.walk(home, 2)) {
            List<Path> files = logs.filter(p -> p.toString().endsWith(".log")).sorted(Comparator.naturalOrder()).toList();
            List<String> lines = new ArrayList<>();
            for (Path file : files) {
                try (Stream<String> content = Files.lines(file)) {
                    content.filter(line -> line.contains(needle)).limit(3)
                            .forEach(line -> lines.add("    " + file.getFileName() + ": " + line.strip()));
                } catch (UncheckedIOException e) {
                    // a log with bytes that are not UTF-8: skip it
                }
            }
            return lines;
        }
    }

    /** The broker's and database's data (hundreds of MB); the logs stay for reading. */
    private static void deleteData(Path home) {
        for (String dir : List.of("kafka", "postgres")) {
            try (Stream<Path> paths = Files.walk(home.resolve(dir))) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // data left behind is harmless; target/ is cleaned by the next build
            }
        }
    }
}
