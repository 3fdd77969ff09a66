package io.eventflow.subscriber.observability;

import java.time.Duration;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The subscriber's readiness covers JobRunr and Kafka, and its metrics show jobs and consumer lag. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.dashboard.enabled", value = "false")
class ObservabilityIT {

    @Inject
    private WebTarget target;

    @Test
    void readinessReportsJobRunrAndKafka() {
        // ready only once the consumer holds its partitions: joining the group comes on top of the start
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var response = target.path("/health/ready").request().get();
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(200);
            assertThat(body).contains("\"name\":\"jobrunr\"").contains("\"servers\":1")
                    .contains("\"name\":\"kafka\"").contains("\"lag\"").contains("\"partitions\":3")
                    .contains("\"name\":\"processing\"").contains("\"oldest-uncommitted-record-seconds\"");
        });
    }

    @Test
    void metricsShowJobCountsAndConsumerLag() {
        String metrics = target.path("/metrics").request("text/plain").get(String.class);

        assertThat(metrics).containsPattern("jobrunr_jobs\\{.*state=\"enqueued\".*} \\d")
                .containsPattern("jobrunr_jobs\\{.*state=\"succeeded\".*} \\d")
                .contains("kafka_consumer_lag");
    }
}
