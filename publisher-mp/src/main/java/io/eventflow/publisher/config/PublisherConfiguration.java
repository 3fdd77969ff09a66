package io.eventflow.publisher.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.publisher.application.IdempotencyWindow;
import io.eventflow.publisher.application.PublishEventService;
import io.eventflow.publisher.application.port.in.PublishEventUseCase;
import io.eventflow.publisher.application.port.out.PublishEventPort;
import io.eventflow.publisher.domain.EventKeys;
import io.eventflow.schemas.EventSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** CDI wiring of the publisher: use cases get their ports here, nothing else. */
@ApplicationScoped
class PublisherConfiguration {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }

    @Produces
    @Singleton
    EventSchemas eventSchemas() {
        return EventSchemas.load();
    }

    @Produces
    @ApplicationScoped
    PublishEventUseCase publishEventUseCase(PublishEventPort port, EventSchemas schemas, Config config,
                                            @ConfigProperty(name = "eventflow.version") String version,
                                            @ConfigProperty(name = "eventflow.idempotency.window",
                                                    defaultValue = "PT24H") Duration window,
                                            @ConfigProperty(name = "eventflow.idempotency.max-keys",
                                                    defaultValue = "100000") int maxKeys,
                                            @ConfigProperty(name = "eventflow.idempotency.max-bytes",
                                                    defaultValue = "33554432") long maxBytes) {
        Clock clock = Clock.systemUTC();
        return new PublishEventService(port, eventKeys(schemas, config), clock, version,
                new IdempotencyWindow(clock, window, maxKeys, maxBytes));
    }

    /** Record keys per type: {@code eventflow.kafka.key-field.<type>}, else the contract's aggregate ids. */
    private static EventKeys eventKeys(EventSchemas schemas, Config config) {
        Map<String, String> fields = new HashMap<>(EventKeys.defaults().keyFieldByType());
        schemas.list().forEach(schema -> config.getOptionalValue("eventflow.kafka.key-field." + schema.type(),
                String.class).ifPresent(field -> fields.put(schema.type(), field)));
        return new EventKeys(Map.copyOf(fields));
    }
}
