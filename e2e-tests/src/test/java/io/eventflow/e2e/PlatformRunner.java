package io.eventflow.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;
import java.nio.file.Files;

/** Starts {@code ./eventflow run} exactly as a user does, on free ports and a data folder of its own. */
record PlatformRunner(Path home, int publisherPort, int subscriberPort, int dashboardPort, int kafkaPort,
                      int postgresPort) {

    static PlatformRunner onFreePorts(Path home) {
        return new PlatformRunner(home, Devkit.freePort(), Devkit.freePort(), Devkit.freePort(), Devkit.freePort(),
                Devkit.freePort());
    }

    /** Runs the command and returns once it printed that the platform is up. */
    ManagedProcess start(String logName) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", Devkit.projectRoot().resolve("eventflow").toString(), "run"));
        Map<String, String> env = builder.environment();
        env.put("EVENTFLOW_HOME", home.toString());
        env.put("PUBLISHER_PORT", String.valueOf(publisherPort));
        env.put("SUBSCRIBER_PORT", String.valueOf(subscriberPort));
        env.put("DASHBOARD_PORT", String.valueOf(dashboardPort));
        env.put("KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("POSTGRES_PORT", String.valueOf(postgresPort));
        return ManagedProcess.start(builder, home.resolveSibling(logName), "Eventflow is up", Duration.ofMinutes(4));
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
}
