package io.eventflow.processing.domain;

import java.util.UUID;

/** An event ready to be stored as a row of its type's table. */
public sealed interface StorableEvent permits UserAnalyticsEvent, ChemicalResearchEvent {

    /** The publisher's event id: the row's idempotency key. */
    UUID eventId();

    /** The event type, e.g. {@code user_analytics}. */
    String type();
}
