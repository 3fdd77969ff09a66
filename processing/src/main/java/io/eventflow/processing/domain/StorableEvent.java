package io.eventflow.processing.domain;

import java.util.Map;
import java.util.UUID;

/** An event of a known type as a typed record: what its handler prepares and the store writes as a row. */
public sealed interface StorableEvent permits UserAnalyticsEvent, ChemicalResearchEvent {

    /** The publisher's event id: the row's idempotency key. */
    UUID eventId();

    /** The event type, e.g. {@code user_analytics}. */
    String type();

    /**
     * The typed event of the given type from its contract fields.
     *
     * @throws UnknownEventTypeException for a type this platform does not process
     * @throws IllegalArgumentException  when a field cannot be read as its type (e.g. a timestamp)
     */
    static StorableEvent of(UUID eventId, String type, Map<String, Object> fields) {
        ContractFields contract = new ContractFields(fields);
        return switch (type) {
            case EventTypes.USER_ANALYTICS -> new UserAnalyticsEvent(eventId, contract.text("user_id"),
                    contract.text("event_type"), contract.timestamp("timestamp"), contract.object("metadata"));
            case EventTypes.CHEMICAL_RESEARCH -> new ChemicalResearchEvent(eventId, contract.text("molecule_id"),
                    contract.text("researcher"), contract.object("data"), contract.timestamp("timestamp"), null);
            default -> throw new UnknownEventTypeException(type);
        };
    }
}
