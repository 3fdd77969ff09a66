package io.eventflow.enrichment.backend;

import io.eventflow.enrichment.result.ChemicalProperties;

/**
 * A validated answer of a back end.
 *
 * @param properties the properties, checked against the schema
 * @param tokens     tokens the call used; null when the back end does not say
 */
public record BackendAnswer(ChemicalProperties properties, Long tokens) {
}
