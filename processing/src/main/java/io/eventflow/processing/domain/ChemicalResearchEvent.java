package io.eventflow.processing.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A stored chemical experiment with the properties the enrichment extracted. */
public record ChemicalResearchEvent(UUID eventId, String moleculeId, String researcher, Map<String, Object> data,
                                    OffsetDateTime timestamp, Map<String, Object> llmProperties)
        implements StorableEvent {

    @Override
    public String type() {
        return EventTypes.CHEMICAL_RESEARCH;
    }

    /** Builds the event from a received {@code chemical_research} event and its enrichment. */
    public static ChemicalResearchEvent from(ReceivedEvent event, Map<String, Object> llmProperties) {
        return new ChemicalResearchEvent(event.eventId(), event.text("molecule_id"), event.text("researcher"),
                event.object("data"), OffsetDateTime.parse(event.text("timestamp")), llmProperties);
    }
}
