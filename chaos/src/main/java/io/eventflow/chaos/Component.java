package io.eventflow.chaos;

/** One process of the platform that a fault can hit. */
enum Component {
    BROKER("broker"),
    DATABASE("database"),
    PUBLISHER("publisher"),
    SUBSCRIBER("subscriber"),
    WORKER("worker");

    private final String label;

    Component(String label) {
        this.label = label;
    }

    /** The name used in progress lines and scenario names. */
    String label() {
        return label;
    }
}
