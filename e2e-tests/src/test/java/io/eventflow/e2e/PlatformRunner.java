package io.eventflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;

/**
 * Starts {@code ./eventflow run} exactly as a user does, on free ports and a data folder of its own.
 *
 * <p>The command runs in a session of its own ({@code setsid}), as a job in a terminal does: it leads its own
 * process group, so a test can signal that group the way a terminal's Ctrl-C or a service manager does.
 */
record PlatformRunner(Path home, int publisherPort, int subscriberPort, int dashboardPort, int kafkaPort,
                      int postgresPort) {

    /** The line {@code ./eventflow run} prints once both services are ready. */
    static final String UP_LINE = "Eventflow is up";

    static PlatformRunner onFreePorts(Path home) {
        return new PlatformRunner(home, Devkit.freePort(), Devkit.freePort(), Devkit.freePort(), Devkit.freePort(),
                Devkit.freePort());
    }

    /** Runs the command and returns once it printed that the platform is up. */
    ManagedProcess start(String logName) throws IOException {
        return start(logName, Map.of());
    }

    /** Runs the command with extra environment variables (e.g. another PATH) and returns once it is up. */
    ManagedProcess start(String logName, Map<String, String> extraEnv) throws IOException {
        // env --default-signal=INT: a JVM started in the background inherits SIGINT ignored, and a shell cannot trap
        // a signal that was ignored when it started - a terminal's foreground job has it at its default
        ProcessBuilder builder = new ProcessBuilder(List.of("setsid", "env", "--default-signal=INT", "bash",
                Devkit.projectRoot().resolve("eventflow").toString(), "run"));
        Map<String, String> env = builder.environment();
        env.put("EVENTFLOW_HOME", home.toString());
        env.put("PUBLISHER_PORT", String.valueOf(publisherPort));
        env.put("SUBSCRIBER_PORT", String.valueOf(subscriberPort));
        env.put("DASHBOARD_PORT", String.valueOf(dashboardPort));
        env.put("KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("POSTGRES_PORT", String.valueOf(postgresPort));
        env.putAll(extraEnv);
        return ManagedProcess.start(builder, runLog(logName), UP_LINE, Duration.ofMinutes(6));
    }

    /** Where the output of the run started with {@code logName} goes. */
    Path runLog(String logName) {
        return home.resolveSibling(home.getFileName() + "-" + logName);
    }

    /** The pid {@code ./eventflow run} recorded for one of its processes (kafka, postgres, publisher, subscriber). */
    OptionalLong recordedPid(String process) throws IOException {
        Path file = home.resolve("pids").resolve(process + ".pid");
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        String[] fields = Files.readString(file).strip().split("\\s+");
        return fields[0].isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[0]));
    }

    /** The processes the command recorded, by name. */
    Map<String, ProcessHandle> recordedProcesses() throws IOException {
        Map<String, ProcessHandle> processes = new HashMap<>();
        for (String name : List.of("kafka", "postgres", "publisher", "subscriber")) {
            OptionalLong pid = recordedPid(name);
            if (pid.isPresent()) {
                ProcessHandle.of(pid.getAsLong()).ifPresent(handle -> processes.put(name, handle));
            }
        }
        return processes;
    }

    /** The pid of the PostgreSQL server's postmaster, from its data folder. */
    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(home.resolve("postgres").resolve("data").resolve("postmaster.pid"))
                .getFirst().strip());
    }

    /** The API key that {@code ./eventflow run} made for the publisher and keeps in its data folder. */
    String apiKey() throws IOException {
        return Files.readString(home.resolve("api-key")).strip();
    }

    String publisher() {
        return "http://127.0.0.1:" + publisherPort;
    }

    String subscriber() {
        return "http://127.0.0.1:" + subscriberPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/eventflow";
    }

    /** Sends a signal ({@code INT}, {@code TERM}, {@code KILL}) to a process, or with {@code group} to its group. */
    static void signal(String signal, long pid, boolean group) throws IOException, InterruptedException {
        String target = group ? "-" + pid : String.valueOf(pid);
        Process kill = new ProcessBuilder("kill", "-" + signal, "--", target).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " -- " + target + " failed");
        }
    }
}
