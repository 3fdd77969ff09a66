package io.eventflow.processing.application;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.EventTypes;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;
import io.eventflow.processing.domain.UserAnalyticsEvent;

/** Received events for the services' tests. */
final class ReceivedEvents {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2024-01-01T12:00:00Z");

    private ReceivedEvents() {
    }

    /** A received event of the given type with a new id. */
    static ReceivedEvent received(String type, String key) {
        return received(UUID.randomUUID(), type, key);
    }

    /** A received event of the given type and id. */
    static ReceivedEvent received(UUID eventId, String type, String key) {
        StorableEvent event = switch (type) {
            case EventTypes.USER_ANALYTICS -> new UserAnalyticsEvent(eventId, key, "login", TIME, Map.of());
            case EventTypes.CHEMICAL_RESEARCH -> new ChemicalResearchEvent(eventId, key, "Dr. Test",
                    Map.of("formula", "H2O"), TIME, null);
            default -> throw new IllegalArgumentException("no test event of type " + type);
        };
        return new ReceivedEvent(event, key, "{\"type\":\"" + type + "\"}");
    }
}
