package io.eventflow.bench.ceiling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaResultTest {

    @Test
    void readsProducerPerformanceSummaryLine() {
        String line = "300000 records sent, 141509.433962 records/sec (40.49 MB/sec), 180.53 ms avg latency, "
                + "412.00 ms max latency, 171 ms 50th, 340 ms 95th, 391 ms 99th, 405 ms 99.9th.";

        KafkaResult result = KafkaResult.parse("lz4", line).orElseThrow();

        assertThat(result.records()).isEqualTo(300_000);
        assertThat(result.recordsPerSecond()).isEqualTo(141509.433962);
        assertThat(result.mbPerSecond()).isEqualTo(40.49);
        assertThat(result.p50Ms()).isEqualTo(171);
        assertThat(result.p99Ms()).isEqualTo(391);
        assertThat(result.p999Ms()).isEqualTo(405);
    }

    @Test
    void ignoresProgressLines() {
        String line = "70841 records sent, 14168.2 records/sec (4.05 MB/sec), 1493.1 ms avg latency, 2301.0 ms max latency.";

        assertThat(KafkaResult.parse("gzip", line)).isEmpty();
    }
}
