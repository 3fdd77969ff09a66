/**
 * Event contracts: the bundled JSON Schemas of every event type and version, and the validator that applies them.
 * {@link io.eventflow.schemas.EventSchemas} is the entry point.
 */
package io.eventflow.schemas;
