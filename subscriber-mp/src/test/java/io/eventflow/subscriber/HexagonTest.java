package io.eventflow.subscriber;

import io.eventflow.testing.HexagonRules;
import org.junit.jupiter.api.Test;

/** This module keeps the hexagon: see {@link HexagonRules}. */
class HexagonTest {

    private static final String BASE = "io.eventflow.subscriber";

    @Test
    void theDomainUsesOnlyJavaAndDomainClasses() {
        HexagonRules.checkDomain(BASE);
    }

    @Test
    void useCasesAndPortsKnowNoAdapterAndNoConfiguration() {
        HexagonRules.checkApplication(BASE);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        HexagonRules.checkNoPackageCycles(BASE);
    }
}
