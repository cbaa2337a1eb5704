package io.tradepilot.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, on real PostgreSQL and Redis ({@link TestInfrastructure}),
 * with a {@link MutableClock} as its clock, {@link TestUsers}, and MockMvc. The first admin is
 * {@code admin} with {@link TestUsers#ADMIN_PASSWORD}. Most tests extend
 * {@link IntegrationTestSupport}, which carries this annotation and the helpers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestInfrastructureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tradepilot.security.initial-admin-password=" + TestUsers.ADMIN_PASSWORD,
                // the production bundle from the build; also when failsafe runs outside the lifecycle
                "vaadin.productionMode=true",
                // the live engine runs only in the tests that ask for it (io.tradepilot.trading)
                "tradepilot.trading.enabled=false",
                // and the scheduler only in those that test it: Quartz keeps its data source in a static
                // registry by scheduler name, so a cached context restarted later could reach a closed pool
                "tradepilot.scheduler.enabled=false",
                // nor the backtests' worker (its Quartz scheduler has the same static registry): tests that run backtests set workers
                "tradepilot.backtests.workers=0",
                // each application context its own audit spool (a spool directory belongs to one user)
                "tradepilot.audit.spool-directory=${java.io.tmpdir}/tradepilot-it-audit-spool/${random.uuid}",
                // the alerts' generated secrets key outside the working tree (one per application context)
                "tradepilot.secrets.key-file=${java.io.tmpdir}/tradepilot-it-secrets/${random.uuid}/secrets.key"})
@AutoConfigureMockMvc
@Import(IntegrationTestConfiguration.class)
public @interface TradepilotIntegrationTest {
}
