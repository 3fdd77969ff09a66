package io.eventflow.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon every module keeps, as ArchUnit rules over its main classes: the domain depends on Java and on
 * domain classes only; the application (use cases and ports) never on adapters or configuration; and no two
 * packages depend on each other in a cycle. Each module's {@code HexagonTest} checks its own base package.
 */
public final class HexagonRules {

    private HexagonRules() {
    }

    /** The main classes under {@code basePackage} (tests and jars excluded). */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(basePackage);
    }

    /** Domain classes use nothing but Java and domain classes (of any module). */
    public static void checkDomain(String basePackage) {
        classes().that().resideInAPackage(basePackage + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.eventflow..domain..")
                .allowEmptyShould(true)
                .check(mainClasses(basePackage));
    }

    /** Use cases and ports know no adapter and no configuration. */
    public static void checkApplication(String basePackage) {
        noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".adapter..", basePackage + ".config..")
                .allowEmptyShould(true)
                .check(mainClasses(basePackage));
    }

    /** No cycle between any two packages under {@code basePackage}. */
    public static void checkNoPackageCycles(String basePackage) {
        slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(mainClasses(basePackage));
    }
}
