package io.eventflow.processing.application;

import java.util.Map;

import io.eventflow.processing.application.port.out.EnrichmentPort;
import io.eventflow.processing.application.port.out.EventStorePort;
import io.eventflow.processing.domain.ChemicalResearchEvent;
import io.eventflow.processing.domain.EventTypes;
import io.eventflow.processing.domain.ReceivedEvent;

/** Enriches chemical research events through the "LLM service", then stores them with the result. */
public final class ChemicalResearchHandler implements EventHandler {

    private final EnrichmentPort enrichment;
    private final EventStorePort store;

    /** Creates the handler. */
    public ChemicalResearchHandler(EnrichmentPort enrichment, EventStorePort store) {
        this.enrichment = enrichment;
        this.store = store;
    }

    @Override
    public String type() {
        return EventTypes.CHEMICAL_RESEARCH;
    }

    @Override
    public void handle(ReceivedEvent event, int retryCount) {
        Map<String, Object> properties = enrichment.extractChemicalProperties(event.object("data"));
        store.storeChemicalResearch(ChemicalResearchEvent.from(event, properties), retryCount);
    }
}
