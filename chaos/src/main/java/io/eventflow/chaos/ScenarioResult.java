package io.eventflow.chaos;

import java.time.Duration;
import java.util.List;
import io.eventflow.testing.ProcessingMode;

/**
 * What one scenario found.
 *
 * @param scenario    the scenario
 * @param mode        the processing mode the subscribers and workers ran in
 * @param counts      the audit of the accepted events (null if the scenario broke before it could count)
 * @param jobs        which jobs completed the accepted events (null if the scenario broke before it could count)
 * @param settle      time from the heal until every accepted event was final (null: never within the timeout)
 * @param notAccepted planned events never answered 202 (given up after the retry window, or rejected)
 * @param notes       what the fault did (exit codes, who restarted what)
 * @param findings    details of anything that went wrong: event ids with their state and log lines, or the error
 */
record ScenarioResult(Scenario scenario, ProcessingMode mode, EventAudit.Counts counts, EventAudit.Jobs jobs,
                      Duration settle, long notAccepted, List<String> notes, List<String> findings) {

    /** PASS when every accepted event is stored exactly once and final, and processing settled. */
    boolean passed() {
        return counts != null && counts.accepted() > 0 && counts.clean() && settle != null;
    }

    /** The verdict shown in the table. */
    String verdict() {
        if (counts == null) {
            return "ERROR";
        }
        return passed() ? "PASS" : "FAIL";
    }
}
