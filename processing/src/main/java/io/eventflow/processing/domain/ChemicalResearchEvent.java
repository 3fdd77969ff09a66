package io.eventflow.processing.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A chemical experiment; {@code llmProperties} are the properties its enrichment extracted, null before it ran. */
public record ChemicalResearchEvent(UUID eventId, String moleculeId, String researcher, Map<String, Object> data,
                                    OffsetDateTime timestamp, Map<String, Object> llmProperties)
        implements StorableEvent {

    @Override
    public String type() {
        return EventTypes.CHEMICAL_RESEARCH;
    }

    /** Requires the identity; absent data becomes empty. */
    public ChemicalResearchEvent {
        Objects.requireNonNull(eventId, "eventId");
        data = data == null ? Map.of() : data;
    }

    /** The same event with the properties its enrichment extracted. */
    public ChemicalResearchEvent withLlmProperties(Map<String, Object> properties) {
        return new ChemicalResearchEvent(eventId, moleculeId, researcher, data, timestamp, properties);
    }
}
