package io.tradepilot;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules of docs/architecture.md, checked on every build: capability modules talk
 * through their APIs (Spring Modulith), the engine stays a plain-Java library, time comes from an
 * injected Clock, and generated jOOQ classes are used only by internal persistence code.
 */
class ArchitectureTest {

    private static final String ENGINE = "io.tradepilot.engine..";
    private static final String GENERATED_DB = "io.tradepilot.db..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tradepilot");
    }

    @Test
    void capability_modules_depend_on_each_other_only_through_their_apis() {
        // The engine is a library any module may use (guarded by the rules below), and the jOOQ
        // classes are generated code: neither is a capability module.
        DescribedPredicate<JavaClass> notModules = JavaClass.Predicates.resideInAnyPackage(ENGINE, GENERATED_DB);
        ApplicationModules.of(Application.class, notModules).verify();
    }

    @Test
    void engine_imports_no_framework() {
        ArchRule rule = noClasses().that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "org.jooq..", "java.sql..", "javax.sql..",
                        "io.lettuce..", "redis..", "jakarta.persistence..", "com.fasterxml..", "tools.jackson..",
                        "org.hibernate..", "io.tradepilot.db..")
                .because("the engine is plain Java: it runs a backtest from a main method or a unit test alone");
        rule.check(production);
    }

    @Test
    void engine_does_not_depend_on_the_web_application() {
        noClasses().that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat(outsideEngineButInsideTradepilot())
                .because("the host depends on the engine, never the other way round")
                .check(production);
    }

    @Test
    void time_is_read_from_an_injected_clock() {
        noClasses()
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("every time rule must be testable with a fixed or stepping java.time.Clock")
                .check(production);
    }

    @Test
    void only_internal_persistence_code_uses_generated_jooq_classes() {
        noClasses().that().resideOutsideOfPackages("..internal..", GENERATED_DB)
                .should().dependOnClassesThat().resideInAPackage(GENERATED_DB)
                .check(production);
    }

    private static DescribedPredicate<JavaClass> outsideEngineButInsideTradepilot() {
        return DescribedPredicate.describe("outside io.tradepilot.engine",
                c -> c.getPackageName().startsWith("io.tradepilot") && !c.getPackageName().startsWith("io.tradepilot.engine"));
    }
}
