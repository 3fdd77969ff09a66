package io.eventflow.publisher.adapter.in.web;

import java.util.List;
import java.util.Map;

import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher serves the contracts it validates against. */
@ExtendWith(Infrastructure.class)
@HelidonTest
class SchemaResourceIT {

    @Inject
    private WebTarget target;

    @Test
    void listsEveryEventTypesSchema() {
        List<?> schemas = (List<?>) target.path("/api/v1/schemas").request().get(Map.class).get("schemas");

        assertThat(schemas).extracting(s -> (Object) ((Map<?, ?>) s).get("type"))
                .contains("user_analytics", "chemical_research");
    }

    @Test
    void servesOneSchemaDocument() {
        Response response = target.path("/api/v1/schemas/chemical_research").request().get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).startsWith("application/schema+json");
        assertThat(response.readEntity(String.class)).contains("\"molecule_id\"").contains("2020-12");
    }

    @Test
    void answers404NamingTheKnownTypes() {
        Response response = target.path("/api/v1/schemas/order_placed").request().get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(String.class)).contains("order_placed").contains("user_analytics");
    }
}
