package io.eventflow.processing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.eventflow.testing.HexagonContract;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * This module keeps the hexagon (see {@link HexagonContract}), and as the processing core it knows none of the
 * technologies its adapters use.
 */
class HexagonTest extends HexagonContract {

    HexagonTest() {
        super("io.eventflow.processing");
    }

    @Test
    void theCoreKnowsNoJobQueueBrokerDatabaseOrHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.jobrunr..", "org.apache.kafka..",
                        "jakarta.persistence..", "jakarta.transaction..", "jakarta.ws.rs..", "io.helidon..",
                        "org.eclipse.microprofile..", "com.fasterxml.jackson..", "io.opentelemetry..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.eventflow.processing"));
    }
}
