package io.eventflow.processing.application;

import io.eventflow.processing.application.port.out.EnrichmentPort;
import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.EventTypes;
import io.eventflow.processing.domain.ReceivedEvent;
import io.eventflow.processing.domain.StorableEvent;

/** Chemical research events are enriched through the "LLM service" and stored with the result. */
public final class ChemicalResearchHandler implements EventHandler {

    private final EnrichmentPort enrichment;
    /** Creates the handler. */
    public ChemicalResearchHandler(EnrichmentPort enrichment) {
        this.enrichment = enrichment;
    }

    @Override
    public String type() {
        return EventTypes.CHEMICAL_RESEARCH;
    }

    @Override
    public StorableEvent prepare(ReceivedEvent event) {
        ChemicalResearchEvent research = (ChemicalResearchEvent) event.event();
        return research.withLlmProperties(enrichment.extractChemicalProperties(research.data()));
    }
}
