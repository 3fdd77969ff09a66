package io.eventflow.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchBenchmarkTest {

    @Test
    void countsTheEventsAMultiStatusAnswerAccepted() {
        String body = "{\"accepted\":2,\"rejected\":1,\"failed\":0,\"results\":["
                + "{\"index\":0,\"status\":202,\"event_id\":\"a\"},{\"index\":1,\"status\":422,\"detail\":\"x\"},"
                + "{\"index\":2,\"status\":202,\"event_id\":\"b\"}]}";

        assertThat(BatchBenchmark.accepted(body)).isEqualTo(2);
    }

    @Test
    void aBatchWhoseEventsWereAllRejectedCountsNone() {
        String body = "{\"accepted\": 0, \"rejected\": 3, \"failed\": 0, \"results\": []}";

        assertThat(BatchBenchmark.accepted(body)).isZero();
        assertThat(BatchBenchmark.accepted("{\"title\":\"Invalid event\"}")).isZero();
    }

    @Test
    void withoutACountTheReturnedEventIdsCount() {
        assertThat(BatchBenchmark.accepted("[{\"event_id\":\"a\"},{\"event_id\":\"b\"}]")).isEqualTo(2);
    }
}
