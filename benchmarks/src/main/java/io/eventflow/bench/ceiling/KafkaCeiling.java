package io.eventflow.bench.ceiling;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;

/**
 * The raw producer ceiling: Kafka's own {@code ProducerPerformance} (kafka-tools, from the devkit's
 * classpath) as a separate process against the platform's broker - 300-byte records, acks=all.
 */
public final class KafkaCeiling {

    /** The size of each record it sends, in bytes. */
    public static final int RECORD_SIZE = 300;
    static final String TOPIC = "eventflow.bench.producer-perf";
    /** How the final summary line ends; the progress lines before it have no percentiles. */
    private static final String SUMMARY_END = "ms 99.9th";
    private final Path devkitLibs;
    private final String bootstrap;
    private final Path logDir;

    /** Runs the devkit's kafka-tools from the project at {@code root} against {@code bootstrap}. */
    public KafkaCeiling(Path root, String bootstrap, Path logDir) {
        this.devkitLibs = root.resolve("devkit/target/libs");
        this.bootstrap = bootstrap;
        this.logDir = logDir;
    }

    /** Sends {@code records} records as fast as the producer can with this compression codec. */
    public KafkaResult run(String compression, int records) throws IOException, InterruptedException {
        if (!Files.isDirectory(devkitLibs)) {
            throw new IOException("The devkit is not built (" + devkitLibs + " is missing): run ./eventflow build");
        }
        List<String> command = List.of(Devkit.javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-cp", devkitLibs + File.separator + "*", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", String.valueOf(records), "--record-size",
                String.valueOf(RECORD_SIZE), "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap,
                "acks=all", "compression.type=" + compression);
        Path log = logDir.resolve("producer-perf-" + compression + ".log");
        try (ManagedProcess perf = ManagedProcess.start(new ProcessBuilder(command), log, SUMMARY_END,
                Duration.ofMinutes(3))) {
            // the summary comes once every record was acknowledged; the tool then closes its producer and exits
            perf.process().waitFor(30, TimeUnit.SECONDS);
            return Files.readAllLines(log).stream().map(line -> KafkaResult.parse(compression, line))
                    .flatMap(Optional::stream).reduce((first, second) -> second)
                    .orElseThrow(() -> new IOException("ProducerPerformance (" + compression
                            + ") printed no summary; see " + log));
        }
    }
}
