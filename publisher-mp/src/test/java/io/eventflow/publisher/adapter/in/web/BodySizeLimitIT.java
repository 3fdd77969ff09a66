package io.eventflow.publisher.adapter.in.web;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The body size limit on every POST endpoint: 413 problem details, whether the length is declared or not. */
@ExtendWith(Infrastructure.class)
@HelidonTest
@AddConfig(key = "eventflow.http.max-body-bytes", value = "2048")
class BodySizeLimitIT {

    private static final String EVENT_OF_3_KB = "{\"user_id\":\"u-big\",\"event_type\":\"click\",\"timestamp\":"
            + "\"2024-01-01T12:00:00Z\",\"metadata\":{\"note\":\"" + "x".repeat(3000) + "\"}}";

    @Inject
    private WebTarget target;

    @Test
    void returns413ForADeclaredLengthOverTheLimit() {
        Response response = target.path("/api/v1/events/analytics").request()
                .post(Entity.entity(EVENT_OF_3_KB, MediaType.APPLICATION_JSON));

        assertTooLarge(response);
    }

    @Test
    void returns413ForAChunkedBodyOverTheLimit() {
        Response response = target.path("/api/v1/events/batch").request()
                .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED)
                .post(Entity.entity("[" + EVENT_OF_3_KB + "]", MediaType.APPLICATION_JSON));

        assertTooLarge(response);
    }

    @Test
    void returns413OnTheCloudEventsEndpoint() {
        Response response = target.path("/api/v1/events").request()
                .post(Entity.entity(EVENT_OF_3_KB, "application/cloudevents+json"));

        assertTooLarge(response);
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() {
        Response response = target.path("/api/v1/events/analytics").request()
                .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED)
                .post(Entity.entity("{\"user_id\":\"u-small\",\"event_type\":\"click\",\"timestamp\":\"2024-01-01T12:00:00Z\"}",
                        MediaType.APPLICATION_JSON));

        assertThat(response.getStatus()).isEqualTo(202);
    }

    private static void assertTooLarge(Response response) {
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(response.readEntity(String.class)).contains("\"status\":413").contains("at most 2048 bytes");
    }
}
