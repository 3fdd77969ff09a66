package io.eventflow.chaos;

/**
 * One fault and how it is healed.
 *
 * @param name        the name given to {@code --only} and shown in the table
 * @param description what is done, for the table
 * @param withWorker  whether the platform runs a worker-only process too
 * @param fault       injects the fault into the running platform and heals it; returns once healed
 */
record Scenario(String name, String description, boolean withWorker, Fault fault) {

    /** Injects a fault and heals it, telling what happened through {@code step}. */
    @FunctionalInterface
    interface Fault {
        void injectAndHeal(Platform platform, Step step) throws Exception;
    }

    /** Where a fault reports what it did: a progress line, and a note kept with the result. */
    interface Step {
        /** Prints a progress line. */
        void say(String format, Object... args);

        /** Prints a line and keeps it as a note of the scenario's result. */
        void note(String format, Object... args);
    }
}
