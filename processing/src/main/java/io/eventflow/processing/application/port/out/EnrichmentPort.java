package io.eventflow.processing.application.port.out;

import java.util.Map;

/**
 * The "LLM service": extracts chemical properties from a chemical research event's {@code data}.
 *
 * <p>Implementations never throw for bad or unexpected input: they degrade (fall back, mark the
 * result invalid) so that enrichment never fails an event.
 */
public interface EnrichmentPort {

    /**
     * Extracts properties for the given research data.
     *
     * @param data the event's {@code data} object (may be empty, never null)
     * @return a JSON-ready object stored as the event's {@code llm_properties}
     */
    Map<String, Object> extractChemicalProperties(Map<String, Object> data);
}
