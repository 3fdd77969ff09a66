package io.eventflow.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The raw producer ceiling: Kafka's own {@code ProducerPerformance} (kafka-tools, from the devkit's
 * classpath) as a separate process against the platform's broker - 300-byte records, acks=all.
 */
final class KafkaCeiling {

    static final int RECORD_SIZE = 300;
    static final String TOPIC = "eventflow.bench.producer-perf";
    private final Path devkitLibs;
    private final String bootstrap;
    private final Path logDir;

    KafkaCeiling(Path root, String bootstrap, Path logDir) {
        this.devkitLibs = root.resolve("devkit/target/libs");
        this.bootstrap = bootstrap;
        this.logDir = logDir;
    }

    /** Sends {@code records} records as fast as the producer can with this compression codec. */
    KafkaResult run(String compression, int records) throws IOException, InterruptedException {
        if (!Files.isDirectory(devkitLibs)) {
            throw new IOException("The devkit is not built (" + devkitLibs + " is missing): run ./eventflow build");
        }
        List<String> command = List.of(Bench.javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-cp", devkitLibs + File.separator + "*", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", String.valueOf(records), "--record-size",
                String.valueOf(RECORD_SIZE), "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap,
                "acks=all", "compression.type=" + compression);
        ChildProcess perf = ChildProcess.start("producer-perf-" + compression, new ProcessBuilder(command),
                logDir.resolve("producer-perf-" + compression + ".log"), null);
        int exit = perf.awaitExit(Duration.ofMinutes(3));
        return perf.lines().stream().map(line -> KafkaResult.parse(compression, line))
                .flatMap(Optional::stream).reduce((first, second) -> second)
                .orElseThrow(() -> new IOException("ProducerPerformance (" + compression + ") exited with " + exit
                        + " without a summary: " + perf.tail()));
    }
}
