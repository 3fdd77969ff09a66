package io.eventflow.bench.ceiling;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The summary line of Kafka's ProducerPerformance: records/s, MB/s and its latency percentiles (ms). */
public record KafkaResult(String compression, long records, double recordsPerSecond, double mbPerSecond,
                          double avgMs, double p50Ms, double p99Ms, double p999Ms) {

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    /** Reads the final summary line; progress lines (which lack the percentiles) do not match. */
    static Optional<KafkaResult> parse(String compression, String line) {
        Matcher m = SUMMARY.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new KafkaResult(compression, Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(8)), Double.parseDouble(m.group(9))));
    }
}
