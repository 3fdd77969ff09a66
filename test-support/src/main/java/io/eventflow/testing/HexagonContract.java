package io.eventflow.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon every module keeps, as ArchUnit rules over its main classes: the domain depends on Java and on
 * domain classes only; the application (use cases and ports) never on adapters or configuration; and no two
 * packages depend on each other in a cycle. Each module's {@code HexagonTest} extends this with its base package.
 */
public abstract class HexagonContract {

    private final String basePackage;
    private final JavaClasses mainClasses;

    /** Checks the main classes (tests and jars excluded) under {@code basePackage}. */
    protected HexagonContract(String basePackage) {
        this.basePackage = basePackage;
        this.mainClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(basePackage);
    }

    /** Domain classes use nothing but Java and domain classes (of any module). */
    @Test
    public void theDomainUsesOnlyJavaAndDomainClasses() {
        classes().that().resideInAPackage(basePackage + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.eventflow..domain..")
                .allowEmptyShould(true)
                .check(mainClasses);
    }

    /** Use cases and ports know no adapter and no configuration. */
    @Test
    public void useCasesAndPortsKnowNoAdapterAndNoConfiguration() {
        noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".adapter..", basePackage + ".config..")
                .allowEmptyShould(true)
                .check(mainClasses);
    }

    /** No cycle between any two packages under the base package. */
    @Test
    public void noTwoPackagesDependOnEachOther() {
        slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(mainClasses);
    }
}
