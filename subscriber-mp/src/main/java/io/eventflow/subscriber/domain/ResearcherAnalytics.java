package io.eventflow.subscriber.domain;

import java.util.List;

/**
 * What a researcher worked on: how many experiments, on which molecules, and the newest ones.
 *
 * @param researcher        the researcher
 * @param totalExperiments  all stored experiments of the researcher
 * @param molecules         the distinct molecule ids, in alphabetical order
 * @param recentExperiments the newest experiments, newest first by event time
 */
public record ResearcherAnalytics(String researcher, long totalExperiments, List<String> molecules,
                                  List<StoredResearchEvent> recentExperiments) {

    /** The number of distinct molecules. */
    public int uniqueMolecules() {
        return molecules.size();
    }
}
