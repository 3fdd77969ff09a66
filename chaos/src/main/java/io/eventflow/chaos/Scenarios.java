package io.eventflow.chaos;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.eventflow.testing.ManagedProcess;

/** Every scenario of the suite, and the few the short variant runs. */
final class Scenarios {

    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Duration BROKER_DOWN_AFTER_KILL = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    /** How long the devkit gets to notice a dead postmaster itself before the harness restarts the database. */
    private static final Duration DEVKIT_NOTICE = Duration.ofSeconds(20);

    private static final List<Scenario> ALL = List.of(
            new Scenario("kill-subscriber", "kill -9 of the subscriber, restarted at once", false,
                    (platform, step) -> killAndRestart(platform, step, Component.SUBSCRIBER, Duration.ZERO)),
            new Scenario("kill-worker", "kill -9 of a worker-only process, restarted at once", true,
                    (platform, step) -> killAndRestart(platform, step, Component.WORKER, Duration.ZERO)),
            new Scenario("kill-publisher", "kill -9 of the publisher, restarted at once", false,
                    (platform, step) -> killAndRestart(platform, step, Component.PUBLISHER, Duration.ZERO)),
            new Scenario("kill-broker", "kill -9 of the broker, restarted after 10 s", false,
                    (platform, step) -> killAndRestart(platform, step, Component.BROKER, BROKER_DOWN_AFTER_KILL)),
            new Scenario("kill-postmaster", "kill -9 of PostgreSQL's postmaster", false, Scenarios::killPostmaster),
            new Scenario("sigterm-publisher", "SIGTERM of the publisher, restarted", false,
                    (platform, step) -> terminateAndRestart(platform, step, Component.PUBLISHER, Duration.ZERO)),
            new Scenario("sigterm-subscriber", "SIGTERM of the subscriber, restarted", false,
                    (platform, step) -> terminateAndRestart(platform, step, Component.SUBSCRIBER, Duration.ZERO)),
            new Scenario("sigterm-worker", "SIGTERM of a worker-only process, restarted", true,
                    (platform, step) -> terminateAndRestart(platform, step, Component.WORKER, Duration.ZERO)),
            new Scenario("broker-outage-60s", "broker stopped for 60 s under load", false,
                    (platform, step) -> terminateAndRestart(platform, step, Component.BROKER, OUTAGE)),
            new Scenario("database-outage-60s", "database stopped for 60 s under load", false,
                    (platform, step) -> terminateAndRestart(platform, step, Component.DATABASE, OUTAGE)),
            new Scenario("rebalance", "a second subscriber joins, then leaves (SIGTERM)", false,
                    Scenarios::rebalance));

    private static final List<String> SHORT = List.of("kill-subscriber", "kill-broker", "sigterm-publisher");

    private Scenarios() {
    }

    /** Every scenario's name, in run order. */
    static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    /** The scenarios to run: those named (in run order), else all, or the short variant's. */
    static List<Scenario> select(List<String> only, boolean shortRun) {
        for (String name : only) {
            if (!names().contains(name)) {
                throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + String.join(", ", names()));
            }
        }
        return ALL.stream()
                .filter(s -> only.isEmpty() ? !shortRun || SHORT.contains(s.name()) : only.contains(s.name()))
                .toList();
    }

    /** The scenario with this name. */
    static Scenario named(String name) {
        return select(List.of(name), false).getFirst();
    }

    private static void killAndRestart(Platform platform, Scenario.Step step, Component component, Duration down)
            throws IOException, InterruptedException {
        long pid = platform.process(component).pid();
        platform.kill(component);
        step.say("killed the %s (pid %d) with SIGKILL", component.label(), pid);
        pause(step, down);
        restart(platform, step, component);
    }

    private static void terminateAndRestart(Platform platform, Scenario.Step step, Component component, Duration down)
            throws IOException, InterruptedException {
        ManagedProcess process = platform.process(component);
        Instant sent = Instant.now();
        boolean graceful = platform.terminate(component, GRACE);
        Duration took = Duration.between(sent, Instant.now());
        if (graceful) {
            step.note("%s exited %d, %s after SIGTERM", component.label(), process.process().exitValue(),
                    Progress.seconds(took));
        } else {
            step.note("%s did NOT exit within %s of SIGTERM and was killed", component.label(), Progress.seconds(GRACE));
        }
        pause(step, down);
        restart(platform, step, component);
    }

    private static void restart(Platform platform, Scenario.Step step, Component component) throws IOException {
        Instant begin = Instant.now();
        platform.restart(component);
        step.say("%s restarted (pid %d), ready in %s", component.label(), platform.process(component).pid(),
                Progress.seconds(Duration.between(begin, Instant.now())));
    }

    /**
     * Kills the postmaster alone (the devkit JVM around it stays). The heal is whatever brings the database back:
     * the devkit restarting the server itself, the devkit exiting (then the harness starts it, as a supervisor
     * would), or - if the devkit neither notices nor exits - the harness restarting the devkit process.
     */
    private static void killPostmaster(Platform platform, Scenario.Step step) throws Exception {
        long postmaster = platform.postmasterPid()
                .orElseThrow(() -> new IllegalStateException("No postmaster.pid in the database's data folder"));
        ProcessHandle handle = ProcessHandle.of(postmaster)
                .orElseThrow(() -> new IllegalStateException("The postmaster (pid " + postmaster + ") is not running"));
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);
        step.say("killed PostgreSQL's postmaster (pid %d) with SIGKILL", postmaster);
        long deadline = System.nanoTime() + DEVKIT_NOTICE.toNanos();
        while (System.nanoTime() < deadline) {
            ManagedProcess devkit = platform.process(Component.DATABASE);
            if (!devkit.isAlive()) {
                step.note("the devkit database exited after its postmaster died; restarted by the harness");
                restart(platform, step, Component.DATABASE);
                return;
            }
            Optional<Long> now = platform.postmasterPid();
            if (now.isPresent() && now.get() != postmaster && ProcessHandle.of(now.get()).isPresent()
                    && platform.databaseAnswers()) {
                step.note("the devkit restarted PostgreSQL itself (new postmaster pid %d)", now.get());
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        step.note("the devkit JVM stayed up with a dead postmaster for %s; the harness restarted the devkit database",
                Progress.seconds(DEVKIT_NOTICE));
        platform.terminate(Component.DATABASE, Duration.ofSeconds(30));
        restart(platform, step, Component.DATABASE);
    }

    private static void rebalance(Platform platform, Scenario.Step step) throws Exception {
        ManagedProcess second = platform.startExtraSubscriber();
        platform.awaitConsumers(2, Duration.ofSeconds(90));
        step.say("a second subscriber (pid %d) joined and holds partitions", second.pid());
        pause(step, Duration.ofSeconds(10));
        Instant sent = Instant.now();
        boolean graceful = second.terminate(GRACE);
        step.note("the second subscriber %s %s after SIGTERM", graceful ? "left" : "was killed (no exit)",
                Progress.seconds(Duration.between(sent, Instant.now())));
    }

    private static void pause(Scenario.Step step, Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            step.say("down for %s", Progress.seconds(duration));
            // the outage itself: its length is the scenario's definition, not a wait for a condition
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        }
    }
}
