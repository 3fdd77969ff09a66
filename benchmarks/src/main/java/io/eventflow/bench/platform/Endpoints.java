package io.eventflow.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the platform under test answers, and its data folder ({@code EVENTFLOW_HOME}), whose
 * {@code pids/} folder names the processes to measure.
 */
public record Endpoints(String publisher, String subscriber, String jdbcUrl, String kafka, Path home) {

    private static final List<String> PROCESSES = List.of("kafka", "postgres", "publisher", "subscriber");

    /** The endpoints of a platform on these loopback ports. */
    public static Endpoints onPorts(int publisherPort, int subscriberPort, int kafkaPort, int postgresPort, Path home) {
        return new Endpoints("http://127.0.0.1:" + publisherPort, "http://127.0.0.1:" + subscriberPort,
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/eventflow", "127.0.0.1:" + kafkaPort, home);
    }

    /**
     * The platform's processes by name (kafka, postgres, publisher, subscriber) from {@code pids/<name>.pid},
     * and {@code postgres-server}: the postmaster the devkit JVM started, which runs detached from it.
     */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            Path file = home.resolve("pids").resolve(name + ".pid");
            try {
                if (Files.exists(file)) {
                    // ./eventflow run records "<pid> <start time>", so that a recycled pid is never taken for ours
                    pids.put(name, Long.parseLong(Files.readString(file).trim().split("\\s+")[0]));
                }
            } catch (IOException | NumberFormatException e) {
                // a process without a readable pid file is left out of the memory table
            }
        }
        Path postmaster = home.resolve("postgres/data/postmaster.pid");
        try {
            if (Files.exists(postmaster)) {
                pids.put("postgres-server", Long.parseLong(Files.readAllLines(postmaster).get(0).trim()));
            }
        } catch (IOException | RuntimeException e) {
            // PostgreSQL's own processes are then left out
        }
        return pids;
    }
}
