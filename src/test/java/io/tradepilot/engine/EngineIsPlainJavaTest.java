package io.tradepilot.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine is a plain Java library with injected time (CONVENTIONS §1). */
class EngineIsPlainJavaTest {

    /** Production classes only: imported from where the engine's own classes were loaded. */
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(location -> location.contains("/io/tradepilot/engine/"))
            .importUrl(io.tradepilot.engine.core.TradingEngine.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void engine_classes_do_not_depend_on_spring_vaadin_jooq_jdbc_redis_or_jackson() {
        noClasses().that().resideInAPackage("io.tradepilot.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "org.jooq..",
                        "java.sql..", "javax.sql..", "io.lettuce..", "redis..", "com.fasterxml.jackson..", "jakarta.persistence..")
                .check(ENGINE);
    }

    @Test
    void engine_classes_never_read_the_wall_clock_directly() {
        noClasses().that().resideInAPackage("io.tradepilot.engine..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(ENGINE);
    }

    @Test
    void the_engine_does_not_depend_on_the_host_application() {
        noClasses().that().resideInAPackage("io.tradepilot.engine..").and().resideOutsideOfPackage("io.tradepilot.engine.cli..")
                .and().resideOutsideOfPackage("io.tradepilot.engine.strategy.config..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tradepilot.engine..", "java..", "javax.annotation..")
                .check(ENGINE);
    }

    @Test
    void the_command_line_adds_only_hdr_histogram_for_bench_latencies() {
        noClasses().that().resideInAPackage("io.tradepilot.engine.cli..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tradepilot.engine..", "java..", "javax.annotation..",
                        "org.HdrHistogram..")
                .check(ENGINE);
    }

    @Test
    void strategy_configuration_documents_add_only_snakeyaml() {
        noClasses().that().resideInAPackage("io.tradepilot.engine.strategy.config..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.tradepilot.engine..", "java..", "javax.annotation..",
                        "org.yaml.snakeyaml..")
                .check(ENGINE);
    }
}
