package io.tradepilot.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The market data, indicator and command-line packages stay plain Java (CONVENTIONS §1): no framework
 * or persistence imports, and no wall-clock reads without an injected clock.
 */
class EngineDataPurityTest {

    static final String[] PACKAGES = {"io.tradepilot.engine.marketdata..", "io.tradepilot.engine.indicators..", "io.tradepilot.engine.cli.."};

    final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tradepilot.engine.marketdata", "io.tradepilot.engine.indicators", "io.tradepilot.engine.cli");

    @Test
    void no_framework_or_persistence_imports() {
        noClasses().that().resideInAnyPackage(PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "org.jooq..",
                        "java.sql..", "javax.sql..", "io.lettuce..", "redis..", "com.fasterxml..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void no_wall_clock_reads() {
        noClasses().that().resideInAnyPackage(PACKAGES)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
