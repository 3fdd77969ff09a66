package io.eventflow.processing.domain;

/** The event types of the contract; new types are past-tense facts. */
public final class EventTypes {

    /** A user's interaction with a product (page view, click, purchase...). */
    public static final String USER_ANALYTICS = "user_analytics";
    /** A researcher's experiment on a molecule. */
    public static final String CHEMICAL_RESEARCH = "chemical_research";

    private EventTypes() {
    }
}
