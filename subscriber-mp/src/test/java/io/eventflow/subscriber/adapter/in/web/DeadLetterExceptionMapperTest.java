package io.eventflow.subscriber.adapter.in.web;

import java.util.Map;

import io.eventflow.subscriber.application.port.out.DeadLettersUnavailableException;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker that is away while dead letters are browsed or redriven is a 503 to retry, never a 500. */
class DeadLetterExceptionMapperTest {

    @Test
    void answers503WithRetryAfterAndAProblemThatSaysWhat() {
        Response response = new DeadLetterExceptionMapper().toResponse(new DeadLettersUnavailableException(
                "Could not read the dead-letter topic eventflow.events.dlq: the broker did not answer in 10 s",
                new TimeoutException("Timed out waiting for a node assignment")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getEntity()).isInstanceOfSatisfying(Map.class, body -> {
            assertThat(body.get("status")).isEqualTo(503);
            assertThat(body.get("title")).isEqualTo("Kafka unavailable");
            assertThat((String) body.get("detail")).contains("eventflow.events.dlq").doesNotContain("TimeoutException");
        });
    }
}
