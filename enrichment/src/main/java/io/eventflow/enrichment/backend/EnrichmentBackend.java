package io.eventflow.enrichment.backend;

import java.util.Map;

/**
 * A remote source of chemical properties (a model or the old HTTP service). Unlike the port, a back end
 * reports failure by throwing {@link BackendException}; {@code ResilientEnrichment} turns that into a fallback.
 */
public interface EnrichmentBackend {

    /** The {@code backend} value of its results, e.g. {@code openai}. */
    String name();

    /** The model that answers, as recorded in results and cache keys. */
    String model();

    /** The version of the prompt it sends, as recorded in results and cache keys. */
    String promptVersion();

    /**
     * Asks the back end once, without retrying.
     *
     * @throws BackendException when the back end fails or its answer does not validate
     */
    BackendAnswer call(Map<String, Object> data);
}
